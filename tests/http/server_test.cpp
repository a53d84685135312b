// The real server on a loopback port, driven by raw sockets: keep-alive, pipelining, limits,
// slow clients, connection caps and graceful shutdown.

#include "http/server.hpp"

#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <future>
#include <thread>

#include "http/running_server.hpp"

namespace laurel::http {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

class Client {
 public:
  explicit Client(std::uint16_t port) : socket_(io_) {
    socket_.connect({asio::ip::make_address("127.0.0.1"), port});
  }
  void send(const std::string& bytes) { asio::write(socket_, asio::buffer(bytes)); }
  // Reads until the peer closes or `timeout` passes; returns what arrived.
  std::string read_all(std::chrono::milliseconds timeout = 3000ms) {
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    socket_.non_blocking(true);
    char buffer[4096];
    while (std::chrono::steady_clock::now() < deadline) {
      boost::system::error_code ec;
      const auto n = socket_.read_some(asio::buffer(buffer), ec);
      if (ec == asio::error::would_block) {
        std::this_thread::sleep_for(5ms);
        continue;
      }
      if (ec) {
        closed_ = true;
        break;
      }
      out.append(buffer, n);
    }
    return out;
  }
  // Reads until `count` complete responses (by Content-Length) have arrived.
  std::string read_responses(int count, std::chrono::milliseconds timeout = 3000ms) {
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    socket_.non_blocking(true);
    char buffer[4096];
    while (std::chrono::steady_clock::now() < deadline && complete(out) < count) {
      boost::system::error_code ec;
      const auto n = socket_.read_some(asio::buffer(buffer), ec);
      if (ec == asio::error::would_block) {
        std::this_thread::sleep_for(2ms);
        continue;
      }
      if (ec) break;
      out.append(buffer, n);
    }
    return out;
  }
  bool closed() const { return closed_; }

 private:
  static int complete(const std::string& text) {
    int n = 0;
    std::size_t at = 0;
    while ((at = text.find("\r\n\r\n", at)) != std::string::npos) {
      const auto header_start = text.rfind("HTTP/1.1", at);
      const auto cl = text.find("Content-Length: ", header_start);
      std::size_t length = 0;
      if (cl != std::string::npos && cl < at) length = std::stoul(text.substr(cl + 16));
      if (text.size() < at + 4 + length) break;
      at += 4 + length;
      ++n;
    }
    return n;
  }

  asio::io_context io_;
  tcp::socket socket_;
  bool closed_ = false;
};

class ServerTest : public ::testing::Test {
 protected:
  void start(ServerOptions options = {}) {
    router_.add({"GET",
                 "/echo",
                 Access::open,
                 {},
                 std::nullopt,
                 [](const Request& r, RequestContext&) -> core::Result<Response> {
                   return Response::text(200, "path=" + r.target, "text/plain");
                 }});
    router_.add({"POST",
                 "/small",
                 Access::open,
                 {},
                 std::size_t{16},
                 [](const Request& r, RequestContext&) -> core::Result<Response> {
                   return Response::text(200, "got " + std::to_string(r.body.size()), "text/plain");
                 }});
    router_.add({"GET",
                 "/slow",
                 Access::open,
                 {},
                 std::nullopt,
                 [this](const Request&, RequestContext&) -> core::Result<Response> {
                   slow_started_.set_value();
                   std::this_thread::sleep_for(400ms);
                   return Response::text(200, "done", "text/plain");
                 }});
    ASSERT_TRUE(running_.start(router_, {"echo", "small", "slow"}, options));
  }
  std::uint16_t port() const { return running_.port(); }

  Router router_;
  RunningServer running_;
  std::promise<void> slow_started_;
};

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  start();
  Client client(port());
  client.send("GET /echo?a=1 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(client.read_responses(1).find("path=/echo?a=1"), std::string::npos);
  client.send("GET /echo?a=2 HTTP/1.1\r\nHost: x\r\n\r\n");
  const auto second = client.read_responses(1);
  EXPECT_NE(second.find("path=/echo?a=2"), std::string::npos);
  EXPECT_NE(second.find("Server: Laurel"), std::string::npos);
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  Client client(port());
  client.send(
      "GET /echo?n=1 HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /echo?n=2 HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /echo?n=3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto all = client.read_all();
  const auto a = all.find("n=1"), b = all.find("n=2"), c = all.find("n=3");
  ASSERT_NE(c, std::string::npos) << all;
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_TRUE(client.closed()) << "Connection: close is honoured";
}

TEST_F(ServerTest, OversizedBodyIsRefusedBeforeItIsRead) {
  start();
  Client client(port());
  client.send(
      "POST /small HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 100000\r\n\r\n");
  const auto answer = client.read_all();
  EXPECT_NE(answer.find("HTTP/1.1 413"), std::string::npos) << answer;
  EXPECT_NE(answer.find("application/problem+json"), std::string::npos);
  EXPECT_TRUE(client.closed());
}

TEST_F(ServerTest, OversizedChunkedBodyIsRefused) {
  start();
  Client client(port());
  client.send(
      "POST /small HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n20\r\n" +
      std::string(32, 'x') + "\r\n0\r\n\r\n");
  EXPECT_NE(client.read_all().find("HTTP/1.1 413"), std::string::npos);
}

TEST_F(ServerTest, BodyWithinTheLimitArrives) {
  start();
  Client client(port());
  client.send(
      "POST /small HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 2\r\n\r\n{}");
  EXPECT_NE(client.read_responses(1).find("got 2"), std::string::npos);
}

TEST_F(ServerTest, OversizedHeaderGets431) {
  ServerOptions options;
  options.header_limit = 2048;
  start(options);
  Client client(port());
  client.send("GET /echo HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4000, 'a') + "\r\n\r\n");
  EXPECT_NE(client.read_all().find("HTTP/1.1 431"), std::string::npos);
}

TEST_F(ServerTest, MalformedRequestGets400) {
  start();
  Client client(port());
  client.send("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_NE(client.read_all().find("HTTP/1.1 400"), std::string::npos);
}

TEST_F(ServerTest, SlowClientIsCutOffWhileOthersAreServed) {
  ServerOptions options;
  options.read_timeout = 1s;
  start(options);
  Client slow(port());
  slow.send("GET /echo HTTP/1.1\r\nHost: x\r\n");  // never finishes its header
  Client quick(port());
  quick.send("GET /echo?quick HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(quick.read_responses(1).find("path=/echo?quick"), std::string::npos);
  const auto before = std::chrono::steady_clock::now();
  const auto answer = slow.read_all(4000ms);
  EXPECT_TRUE(slow.closed()) << "a slow client is disconnected";
  EXPECT_LT(std::chrono::steady_clock::now() - before, 3500ms);
  EXPECT_TRUE(answer.empty());
}

TEST_F(ServerTest, IdleKeepAliveConnectionsAreClosed) {
  ServerOptions options;
  options.idle_timeout = 1s;
  start(options);
  Client client(port());
  client.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_NE(client.read_responses(1).find("200"), std::string::npos);
  client.read_all(3000ms);
  EXPECT_TRUE(client.closed());
}

TEST_F(ServerTest, ConnectionsOverTheLimitGet503) {
  ServerOptions options;
  options.max_connections = 2;
  start(options);
  Client a(port()), b(port());
  a.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
  b.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(count(a.read_responses(1), "200 OK"), 1);
  ASSERT_EQ(count(b.read_responses(1), "200 OK"), 1);
  Client c(port());
  const auto refused = c.read_all();
  EXPECT_NE(refused.find("HTTP/1.1 503"), std::string::npos) << refused;
  EXPECT_NE(refused.find("Retry-After: 1"), std::string::npos);
  EXPECT_NE(running_.metrics->render().find("laurel_http_rejected_connections_total 1"),
            std::string::npos);
}

TEST_F(ServerTest, GracefulShutdownFinishesTheRequestInFlight) {
  start();
  Client busy(port());
  Client idle(port());
  idle.send("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(count(idle.read_responses(1), "200 OK"), 1);
  auto started = slow_started_.get_future();
  busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(started.wait_for(3s), std::future_status::ready);
  running_.server->stop();
  const auto answer = busy.read_all();
  EXPECT_NE(answer.find("200 OK"), std::string::npos) << answer;
  EXPECT_NE(answer.find("done"), std::string::npos);
  EXPECT_NE(answer.find("Connection: close"), std::string::npos);
  idle.read_all(1000ms);
  EXPECT_TRUE(idle.closed()) << "idle keep-alive connections are closed at shutdown";
  running_.runner.join();  // run() returns
  EXPECT_THROW(Client late(port()), boost::system::system_error) << "no longer accepting";
}

TEST(ListenAddressTest, ParsesHostAndPort) {
  EXPECT_EQ(parse_listen_address("127.0.0.1:8080").value(),
            (std::pair<std::string, std::uint16_t>{"127.0.0.1", 8080}));
  EXPECT_EQ(parse_listen_address("[::1]:0").value().first, "::1");
  EXPECT_FALSE(parse_listen_address("8080"));
  EXPECT_FALSE(parse_listen_address("host:99999"));
  EXPECT_FALSE(parse_listen_address("host:80x"));
}

}  // namespace
}  // namespace laurel::http
