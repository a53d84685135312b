#include "http/websocket_session.hpp"

#include <boost/asio/post.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>

namespace laurel::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;

// What a client may send: Laurel reads only to answer pings and see the close; anything larger
// than this ends the connection.
constexpr std::size_t kClientMessageLimit = 16 * 1024;

class WebSocketSession : public Connection {
 public:
  WebSocketSession(beast::tcp_stream stream, ServerShared& shared,
                   std::shared_ptr<EventStream> events)
      : ws_(std::move(stream)),
        shared_(shared),
        registration_(shared, this, true),
        events_(std::move(events)) {}

  ~WebSocketSession() override {
    if (events_) events_->stop();
  }

  void run(bhttp::request<bhttp::string_body> request) {
    beast::get_lowest_layer(ws_).expires_never();  // the websocket's own timeouts from here
    // Idle: a peer that answers no ping for two heartbeats is gone (or stalled) and is closed.
    ws_.set_option(websocket::stream_base::timeout{shared_.options.read_timeout,
                                                   shared_.options.stream_heartbeat * 2, true});
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& response) { response.set(bhttp::field::server, "Laurel"); }));
    ws_.read_message_max(kClientMessageLimit);
    ws_.async_accept(request, [self = self()](beast::error_code ec) { self->on_accept(ec); });
  }

  void shutdown() override {
    asio::post(ws_.get_executor(), [self = self()] { self->close_gracefully(); });
  }

 private:
  std::shared_ptr<WebSocketSession> self() {
    return std::static_pointer_cast<WebSocketSession>(shared_from_this());
  }

  void on_accept(beast::error_code ec) {
    if (ec || !events_) return close();
    std::weak_ptr<WebSocketSession> weak = self();
    events_->start([weak, executor = ws_.get_executor()] {
      asio::post(executor, [weak] {
        if (auto session = weak.lock()) session->pump();
      });
    });
    read_next();
    pump();
  }

  void read_next() {
    ws_.async_read(incoming_, [self = self()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();  // closed by the client, timed out, or a protocol error
      self->incoming_.clear();       // nothing a client sends is acted on
      self->read_next();
    });
  }

  void pump() {
    if (!events_ || closing_) return;
    if (writing_) {
      wanted_ = true;
      return;
    }
    auto batch = events_->take();
    for (const auto& message : batch.messages)
      outgoing_.push_back(websocket_text(message));
    if (batch.ended) ending_ = true;
    write_next();
  }

  void write_next() {
    if (writing_ || closing_) return;
    if (outgoing_.empty()) {
      if (ending_) close_gracefully();
      return;
    }
    writing_ = true;
    ws_.text(true);
    ws_.async_write(asio::buffer(outgoing_.front()),
                    [self = self()](beast::error_code ec, std::size_t) {
                      self->writing_ = false;
                      if (ec) return self->close();
                      self->outgoing_.pop_front();
                      if (std::exchange(self->wanted_, false)) return self->pump();
                      self->write_next();
                    });
  }

  void close_gracefully() {
    if (closing_) return;
    closing_ = true;
    if (events_) std::exchange(events_, nullptr)->stop();
    ws_.async_close(websocket::close_code::going_away,
                    [self = self()](beast::error_code) { self->close(); });
  }

  void close() {
    if (events_) std::exchange(events_, nullptr)->stop();
    beast::error_code ignored;
    beast::get_lowest_layer(ws_).socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(ws_).socket().close(ignored);
  }

  websocket::stream<beast::tcp_stream> ws_;
  ServerShared& shared_;
  ConnectionRegistration registration_;
  std::shared_ptr<EventStream> events_;
  beast::flat_buffer incoming_;
  std::deque<std::string> outgoing_;  // one batch taken from the stream, being written
  bool writing_ = false;
  bool wanted_ = false;
  bool ending_ = false;
  bool closing_ = false;
};

}  // namespace

void start_websocket_session(beast::tcp_stream stream, beast::flat_buffer /*buffer*/,
                             bhttp::request<bhttp::string_body> request,
                             std::shared_ptr<EventStream> events, ServerShared& shared) {
  // A client waits for the handshake's answer before it sends a frame, so nothing after the
  // upgrade request is in the buffer to hand over.
  std::make_shared<WebSocketSession>(std::move(stream), shared, std::move(events))
      ->run(std::move(request));
}

}  // namespace laurel::http
