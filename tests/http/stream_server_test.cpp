// The live stream through the real server on a loopback port: server-sent events (chunked,
// heartbeats, a stream that ends, a client that goes away, shutdown) and the same stream over a
// WebSocket (handshake, text messages, closing).

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket.hpp>
#include <mutex>
#include <thread>

#include "http/event_stream.hpp"
#include "http/running_server.hpp"
#include "http/server.hpp"

namespace laurel::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

// A stream the test feeds by hand.
class TestStream : public EventStream {
 public:
  void start(std::function<void()> wake) override {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
    started_ = true;
  }
  Batch take() override {
    std::lock_guard lock(mutex_);
    Batch batch;
    batch.messages.swap(pending_);
    batch.ended = ended_;
    return batch;
  }
  void stop() override { stopped_ = true; }

  void send(StreamMessage message, bool end = false) {
    std::function<void()> wake;
    {
      std::lock_guard lock(mutex_);
      pending_.push_back(std::move(message));
      ended_ = end;
      wake = wake_;
    }
    if (wake) wake();
  }
  bool started() {
    std::lock_guard lock(mutex_);
    return started_;
  }
  bool stopped() const { return stopped_; }

 private:
  std::mutex mutex_;
  std::function<void()> wake_;
  std::vector<StreamMessage> pending_;
  bool ended_ = false;
  bool started_ = false;
  std::atomic<bool> stopped_{false};
};

class RawClient {
 public:
  explicit RawClient(std::uint16_t port) : socket_(io_) {
    socket_.connect({asio::ip::make_address("127.0.0.1"), port});
    socket_.non_blocking(true);
  }
  void send(const std::string& bytes) {
    socket_.non_blocking(false);
    asio::write(socket_, asio::buffer(bytes));
    socket_.non_blocking(true);
  }
  // Reads until `what` has arrived (true), the peer closes or the time is up (false).
  bool read_until(const std::string& what, std::chrono::milliseconds timeout = 3000ms) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    char buffer[4096];
    while (received_.find(what) == std::string::npos) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      boost::system::error_code ec;
      const auto n = socket_.read_some(asio::buffer(buffer), ec);
      if (ec == asio::error::would_block) {
        std::this_thread::sleep_for(2ms);
        continue;
      }
      if (ec) {
        closed_ = true;
        return received_.find(what) != std::string::npos;
      }
      received_.append(buffer, n);
    }
    return true;
  }
  bool wait_closed(std::chrono::milliseconds timeout = 3000ms) {
    read_until("\x01never\x01", timeout);
    return closed_;
  }
  const std::string& received() const { return received_; }
  void close() { socket_.close(); }

 private:
  asio::io_context io_;
  tcp::socket socket_;
  std::string received_;
  bool closed_ = false;
};

class StreamServerTest : public ::testing::Test {
 protected:
  void start(ServerOptions options = {}) {
    router_.add({"GET",
                 "/live",
                 Access::open,
                 {},
                 std::nullopt,
                 [this](const Request&, RequestContext&) -> core::Result<Response> {
                   Response response;
                   response.set_header("Content-Type", "text/event-stream");
                   response.stream = stream_;
                   return response;
                 }});
    ASSERT_TRUE(running_.start(router_, {"live"}, options));
  }
  std::uint16_t port() const { return running_.port(); }
  bool eventually(const std::function<bool()>& condition) {
    for (int i = 0; i < 300 && !condition(); ++i)
      std::this_thread::sleep_for(10ms);
    return condition();
  }

  std::shared_ptr<TestStream> stream_ = std::make_shared<TestStream>();
  Router router_;
  RunningServer running_;
};

TEST(EventStreamFormatTest, FramesServerSentEventsAndWebSocketText) {
  EXPECT_EQ(sse_frame({"12", "good_news", "{\"id\":3}"}),
            "id: 12\nevent: good_news\ndata: {\"id\":3}\n\n");
  EXPECT_EQ(sse_frame({"", "reset", "{}"}), "event: reset\ndata: {}\n\n") << "no id: none sent";
  EXPECT_EQ(sse_frame({"1\n2", "a\rb", "{}"}), "id: 12\nevent: ab\ndata: {}\n\n")
      << "a line break cannot end a field early";
  EXPECT_EQ(websocket_text({"12", "good_news", "{\"id\":3}"}),
            "{\"id\":\"12\",\"event\":\"good_news\",\"data\":{\"id\":3}}");
  EXPECT_EQ(websocket_text({"", "reset", ""}), "{\"id\":null,\"event\":\"reset\",\"data\":null}");
}

TEST_F(StreamServerTest, ServerSentEventsArriveAsChunksTheMomentTheyAreReady) {
  start();
  RawClient client(port());
  client.send("GET /live HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(client.read_until("\r\n\r\n")) << client.received();
  const auto head = client.received();
  EXPECT_NE(head.find("HTTP/1.1 200 OK\r\n"), std::string::npos);
  EXPECT_NE(head.find("Content-Type: text/event-stream\r\n"), std::string::npos);
  EXPECT_NE(head.find("Transfer-Encoding: chunked\r\n"), std::string::npos);
  EXPECT_EQ(head.find("Content-Length"), std::string::npos);
  ASSERT_TRUE(eventually([&] { return stream_->started(); }));

  stream_->send({"7", "good_news", "{\"id\":1}"});
  const std::string frame = "id: 7\nevent: good_news\ndata: {\"id\":1}\n\n";
  ASSERT_TRUE(client.read_until(frame + "\r\n")) << client.received();
  char size[16];
  std::snprintf(size, sizeof size, "%zx\r\n", frame.size());
  EXPECT_NE(client.received().find(std::string(size) + frame + "\r\n"), std::string::npos)
      << "one chunk, framed with its length";
  stream_->send({"8", "good_news", "{\"id\":2}"});
  EXPECT_TRUE(client.read_until("id: 8\n"));
}

TEST_F(StreamServerTest, AStreamThatEndsSendsWhatItHadThenTheLastChunkAndCloses) {
  start();
  RawClient client(port());
  client.send("GET /live HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(eventually([&] { return stream_->started(); }));
  stream_->send({"9", "bye", "{}"}, true);
  EXPECT_TRUE(client.read_until("event: bye\ndata: {}\n\n\r\n0\r\n\r\n")) << client.received();
  EXPECT_TRUE(client.wait_closed());
  EXPECT_TRUE(eventually([&] { return stream_->stopped(); }));
}

TEST_F(StreamServerTest, AQuietStreamGetsHeartbeats) {
  ServerOptions options;
  options.stream_heartbeat = 1s;
  start(options);
  RawClient client(port());
  client.send("GET /live HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_TRUE(client.read_until(": ping\n\n", 5000ms)) << client.received();
}

TEST_F(StreamServerTest, AClientThatGoesAwayStopsItsStream) {
  start();
  RawClient client(port());
  client.send("GET /live HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(client.read_until("\r\n\r\n"));
  client.close();
  EXPECT_TRUE(eventually([&] { return stream_->stopped(); }));
  EXPECT_TRUE(eventually([&] { return running_.metrics->open_connections() == 0; }));
}

TEST_F(StreamServerTest, ShutdownClosesStreamsAtOnce) {
  ServerOptions options;
  options.shutdown_grace = 30s;  // a stream must not hold the shutdown for its grace
  start(options);
  RawClient client(port());
  client.send("GET /live HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(eventually([&] { return stream_->started(); }));
  const auto begun = std::chrono::steady_clock::now();
  running_.server->stop();
  running_.runner.join();
  EXPECT_LT(std::chrono::steady_clock::now() - begun, 5s);
  EXPECT_TRUE(client.wait_closed());
  EXPECT_TRUE(stream_->stopped());
}

TEST_F(StreamServerTest, Http10GetsTheStreamWithoutChunks) {
  start();
  RawClient old(port());
  old.send("GET /live HTTP/1.0\r\n\r\n");
  ASSERT_TRUE(old.read_until("\r\n\r\n"));
  EXPECT_EQ(old.received().find("chunked"), std::string::npos) << old.received();
  EXPECT_NE(old.received().find("Connection: close"), std::string::npos);
  ASSERT_TRUE(eventually([&] { return stream_->started(); }));
  stream_->send({"1", "e", "{}"});
  EXPECT_TRUE(old.read_until("\r\n\r\nid: 1\nevent: e\ndata: {}\n\n")) << old.received();
}

TEST_F(StreamServerTest, TheSameStreamOverAWebSocket) {
  start();
  asio::io_context io;
  websocket::stream<tcp::socket> ws(io);
  ws.next_layer().connect({asio::ip::make_address("127.0.0.1"), port()});
  ws.handshake("localhost", "/live");  // throws unless the server answers 101
  ASSERT_TRUE(eventually([&] { return stream_->started(); }));
  stream_->send({"5", "good_news", "{\"id\":4}"});
  beast::flat_buffer buffer;
  ws.read(buffer);
  EXPECT_TRUE(ws.got_text());
  EXPECT_EQ(beast::buffers_to_string(buffer.data()),
            "{\"id\":\"5\",\"event\":\"good_news\",\"data\":{\"id\":4}}");
  ws.close(websocket::close_code::normal);
  EXPECT_TRUE(eventually([&] { return stream_->stopped(); }));
}

TEST_F(StreamServerTest, AWebSocketStreamThatEndsIsClosedByTheServer) {
  start();
  asio::io_context io;
  websocket::stream<tcp::socket> ws(io);
  ws.next_layer().connect({asio::ip::make_address("127.0.0.1"), port()});
  ws.handshake("localhost", "/live");
  ASSERT_TRUE(eventually([&] { return stream_->started(); }));
  stream_->send({"6", "last", "{}"}, true);
  beast::flat_buffer buffer;
  ws.read(buffer);
  EXPECT_EQ(beast::buffers_to_string(buffer.data()),
            "{\"id\":\"6\",\"event\":\"last\",\"data\":{}}");
  buffer.clear();
  beast::error_code ec;
  ws.read(buffer, ec);
  EXPECT_EQ(ec, websocket::error::closed) << ec.message();
}

}  // namespace
}  // namespace laurel::http
