#include "http/server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "http/event_stream.hpp"
#include "http/problem.hpp"
#include "http/response_writer.hpp"
#include "http/server_shared.hpp"
#include "http/websocket_session.hpp"

namespace laurel::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

// Room for the header block and one read's worth of body; the parser moves body bytes out.
constexpr std::size_t kBodyReadChunk = 64 * 1024;

}  // namespace

class Session : public Connection {
 public:
  Session(tcp::socket socket, ServerShared& shared, bool reject)
      : stream_(std::move(socket)),
        buffer_(shared.options.header_limit + kBodyReadChunk),
        shared_(shared),
        registration_(shared, this, !reject),
        reject_(reject),
        heartbeat_(stream_.get_executor()) {
    boost::system::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    client_ip_ = ec ? "unknown" : endpoint.address().to_string();
  }

  ~Session() override {
    if (events_) events_->stop();
  }

  void start() {
    asio::dispatch(stream_.get_executor(), [self = self()] {
      if (self->reject_) {
        self->send_problem(503, "unavailable", "Too many connections",
                           "Laurel is serving its maximum number of connections; try again", false);
        return;
      }
      self->wait_for_request();
    });
  }

  // Called from the shutdown path on any thread. A live stream is closed at once: the client
  // reconnects (to another node, or to this one once it is back) from the last event it had
  // whole, so cutting one short loses nothing.
  void shutdown() override {
    asio::post(stream_.get_executor(), [self = self()] {
      if (!self->busy_ || self->events_) self->close();
      // else: the response in flight goes out with Connection: close, then the session ends.
    });
  }

 private:
  std::shared_ptr<Session> self() { return std::static_pointer_cast<Session>(shared_from_this()); }

  void wait_for_request() {
    if (shared_.stopping) return close();
    busy_ = false;
    if (buffer_.size() > 0) return read_header();  // a pipelined request is already here
    stream_.expires_after(shared_.options.idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = self()](beast::error_code ec, std::size_t n) {
                              if (ec) return self->close();
                              self->buffer_.commit(n);
                              self->read_header();
                            });
  }

  void read_header() {
    busy_ = true;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.header_limit));
    // No limit while the header is read: the route's limit is applied once the header names it
    // (a limit here would refuse a Content-Length before the route is known).
    parser_->body_limit(boost::none);
    stream_.expires_after(shared_.options.read_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = self()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (ec) return on_read_error(ec);
    const auto& header = parser_->get();
    const std::size_t limit = shared_.dispatcher.body_limit(
        std::string_view(header.method_string()), std::string_view(header.target()));
    const auto length = parser_->content_length();
    if (length && *length > limit) {
      return send_problem(413, "payload-too-large", "Request body too large",
                          "the body may be at most " + std::to_string(limit) + " bytes", false,
                          "body");
    }
    parser_->body_limit(limit);
    if (parser_->is_done()) return on_request();
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = self()](beast::error_code read_ec, std::size_t) {
                        if (read_ec) return self->on_read_error(read_ec);
                        self->on_request();
                      });
  }

  void on_read_error(beast::error_code ec) {
    if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) {
      return send_problem(431, "header-too-large", "Request header fields too large",
                          "the request header may be at most " +
                              std::to_string(shared_.options.header_limit) + " bytes",
                          false, "header");
    }
    if (ec == bhttp::error::body_limit) {
      return send_problem(413, "payload-too-large", "Request body too large",
                          "the body is larger than this route accepts", false, "body");
    }
    if (ec.category() == bhttp::make_error_code(bhttp::error::end_of_stream).category() &&
        ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      return send_problem(400, "invalid-input", "Malformed request",
                          "the request is not valid HTTP/1.1: " + ec.message(), false, "request");
    }
    // Timeouts, resets, a client that went away: nobody to answer.
    close();
  }

  void on_request() {
    auto message = parser_->release();
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    const auto question = request.target.find('?');
    request.path = request.target.substr(0, question);
    if (question != std::string::npos) request.query = request.target.substr(question + 1);
    request.headers.reserve(8);
    for (const auto& field : message) {
      request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(message.body());
    request.client_ip = client_ip_;

    Response response = shared_.dispatcher.handle(request);
    if (response.stream && response.status == 200 && !shared_.stopping) {
      if (is_websocket_upgrade(request)) {
        // The WebSocket session takes the connection over; this one ends here.
        return start_websocket_session(std::move(stream_), std::move(buffer_), std::move(message),
                                       std::move(response.stream), shared_);
      }
      if (request.method == "GET")
        return start_event_stream(std::move(response), message.version());
    }
    response.stream.reset();
    const bool keep_alive = message.keep_alive() && !shared_.stopping;
    write(std::move(response), keep_alive, request.method == "HEAD", message.version());
  }

  // Server-sent events: the header, then each batch the stream has ready as one chunk, and a
  // comment line when it has been quiet for the heartbeat (which also finds clients that went
  // away). The socket is read meanwhile only to notice the client closing.
  void start_event_stream(Response response, unsigned version) {
    events_ = std::move(response.stream);
    chunked_ = version != 10;
    response.set_header("X-Accel-Buffering", "no");  // a proxy in front must not hold events back
    if (chunked_) response.set_header("Transfer-Encoding", "chunked");
    write_stream_head(response, {chunked_, false, version}, head_);
    stream_.expires_never();
    std::weak_ptr<Session> weak = self();
    events_->start([weak, executor = stream_.get_executor()] {
      asio::post(executor, [weak] {
        if (auto session = weak.lock()) session->pump();
      });
    });
    watch_for_close();
    arm_heartbeat();
    pump();
  }

  void pump() {
    if (!events_) return;
    if (writing_) {
      wanted_ = true;
      return;
    }
    auto batch = events_->take();
    std::string payload;
    for (const auto& message : batch.messages)
      payload += sse_frame(message);
    if (batch.ended) ending_ = true;
    send_stream(std::move(payload));
  }

  void send_stream(std::string payload) {
    if (payload.empty() && head_.empty() && !ending_) return;
    out_ = std::move(head_);
    head_.clear();
    if (!payload.empty()) {
      if (chunked_) fmt::format_to(std::back_inserter(out_), "{:x}\r\n", payload.size());
      out_ += payload;
      if (chunked_) out_ += "\r\n";
    }
    if (ending_ && chunked_) out_ += "0\r\n\r\n";
    writing_ = true;
    stream_.expires_after(shared_.options.write_timeout);
    asio::async_write(stream_, asio::buffer(out_),
                      [self = self()](beast::error_code ec, std::size_t) {
                        self->writing_ = false;
                        if (ec || self->ending_) return self->close();
                        self->stream_.expires_never();
                        self->quiet_ = false;
                        if (std::exchange(self->wanted_, false)) self->pump();
                      });
  }

  void arm_heartbeat() {
    heartbeat_.expires_after(shared_.options.stream_heartbeat);
    heartbeat_.async_wait([self = self()](beast::error_code ec) {
      if (ec || !self->events_) return;
      // Only after a whole quiet period: a busy stream needs no heartbeat.
      if (std::exchange(self->quiet_, true) && !self->writing_) self->send_stream(": ping\n\n");
      self->arm_heartbeat();
    });
  }

  void watch_for_close() {
    stream_.socket().async_read_some(
        asio::buffer(discard_), [self = self()](beast::error_code ec, std::size_t) {
          if (ec) return self->close();  // the client went away
          self->watch_for_close();       // anything a client sends on a stream is ignored
        });
  }

  void send_problem(unsigned status, std::string slug, std::string title, std::string detail,
                    bool keep_alive, std::string field = {}) {
    busy_ = true;
    Response response =
        problem_response({status, std::move(slug), std::move(title), std::move(detail),
                          std::move(field), status == 503 ? 1 : 0},
                         "", "");
    shared_.metrics.record_request(shared_.metrics.unmatched_slot(), status,
                                   std::chrono::nanoseconds(0));
    write(std::move(response), keep_alive, false, 11);
  }

  void write(Response response, bool keep_alive, bool head, unsigned version) {
    write_response(response, {keep_alive, head, version}, out_);
    keep_alive_ = keep_alive;
    stream_.expires_after(shared_.options.write_timeout);
    asio::async_write(stream_, asio::buffer(out_),
                      [self = self()](beast::error_code ec, std::size_t) {
                        if (ec || !self->keep_alive_) return self->close();
                        self->wait_for_request();
                      });
  }

  void close() {
    if (events_) std::exchange(events_, nullptr)->stop();
    heartbeat_.cancel();
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string out_;  // the response being written
  ServerShared& shared_;
  ConnectionRegistration registration_;
  std::string client_ip_;
  bool reject_ = false;
  bool busy_ = false;
  bool keep_alive_ = false;
  // A live stream (server-sent events), once the response is one.
  std::shared_ptr<EventStream> events_;
  std::string head_;  // the response header, until it goes out with the first write
  asio::steady_timer heartbeat_;
  char discard_[512];
  bool chunked_ = true;
  bool writing_ = false;
  bool wanted_ = false;  // woken while a write was in flight
  bool ending_ = false;
  bool quiet_ = false;  // nothing written since the last heartbeat tick
};

// One io_context per worker thread, each run by exactly one thread: a connection lives on one
// context for its whole life, so its handlers need no strand and no other thread is woken to
// run them (a shared multi-threaded io_context spent much of its time in futex wake-ups).
// Connections are dealt to the contexts in turn as they are accepted.
struct Server::Impl {
  using WorkGuard = asio::executor_work_guard<asio::io_context::executor_type>;

  Impl(Dispatcher& dispatcher, Metrics& metrics, ServerOptions options)
      : threads(options.threads ? options.threads
                                : std::max(1u, std::thread::hardware_concurrency())),
        contexts(make_contexts(threads)),
        acceptor(main()),
        signals(main()),
        grace_timer(main()),
        shared(dispatcher, metrics, std::move(options)) {
    // Keep every context running while it has no connection, until shutdown.
    for (auto& context : contexts)
      guards.emplace_back(context->get_executor());
  }

  static std::vector<std::unique_ptr<asio::io_context>> make_contexts(unsigned n) {
    std::vector<std::unique_ptr<asio::io_context>> made;
    for (unsigned i = 0; i < n; ++i)
      made.push_back(std::make_unique<asio::io_context>(1));
    return made;
  }
  asio::io_context& main() { return *contexts.front(); }

  void accept() {
    auto& target = *contexts[next_context++ % contexts.size()];
    acceptor.async_accept(target, [this](beast::error_code ec, tcp::socket socket) {
      if (ec) {
        if (!shared.stopping && ec != asio::error::operation_aborted) {
          spdlog::warn("accept failed: {}", ec.message());
          accept();
        }
        return;
      }
      const bool over = shared.metrics.open_connections() >=
                        static_cast<std::int64_t>(shared.options.max_connections);
      if (over) shared.metrics.connection_rejected();
      std::make_shared<Session>(std::move(socket), shared, over)->start();
      accept();
    });
  }

  // Thread-safe: called from stop() on any thread, or from the signal handler.
  void begin_shutdown() {
    {
      // The grace timer is the last work left once every connection is gone; cancelling it
      // then lets run() return at once instead of waiting out the grace.
      std::lock_guard lock(shared.sessions_mutex);
      if (shared.stopping) return;
      shared.on_drained = [this] { asio::post(main(), [this] { grace_timer.cancel(); }); };
      shared.stopping = true;
    }
    spdlog::info("shutting down: no new connections; finishing requests in flight");
    asio::post(main(), [this] {
      beast::error_code ignored;
      acceptor.close(ignored);
      signals.cancel();
      guards.clear();  // contexts end once their connections are closed
    });
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard lock(shared.sessions_mutex);
      for (Connection* session : shared.sessions) {
        // A session being destroyed right now has no owner left; skip it.
        if (auto owner = weak_from(session)) open.push_back(std::move(owner));
      }
    }
    asio::post(main(), [this, nothing_open = open.empty()] {
      grace_timer.expires_after(shared.options.shutdown_grace);
      grace_timer.async_wait([this](beast::error_code ec) {
        if (ec) return;
        spdlog::warn("shutdown grace of {}s ran out; closing the remaining connections",
                     shared.options.shutdown_grace.count());
        for (auto& context : contexts)
          context->stop();
      });
      if (nothing_open) grace_timer.cancel();
    });
    for (auto& session : open)
      session->shutdown();
  }

  static std::shared_ptr<Connection> weak_from(Connection* session) {
    return session->weak_from_this().lock();
  }

  unsigned threads;
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<WorkGuard> guards;
  std::size_t next_context = 0;  // touched only by the accepting handler, on main()
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace_timer;
  ServerShared shared;
  std::uint16_t bound_port = 0;
};

Server::Server(Dispatcher& dispatcher, Metrics& metrics, ServerOptions options)
    : impl_(std::make_unique<Impl>(dispatcher, metrics, std::move(options))) {}

Server::~Server() = default;

core::Status Server::listen() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->shared.options.host, ec);
  if (ec) {
    return core::Error::invalid("server.listen",
                                "not an IP address: " + impl_->shared.options.host);
  }
  const tcp::endpoint endpoint(address, impl_->shared.options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return core::Error::invalid("server.listen", "cannot listen on " + impl_->shared.options.host +
                                                     ":" + std::to_string(endpoint.port()) + ": " +
                                                     ec.message());
  }
  impl_->bound_port = acceptor.local_endpoint().port();
  if (impl_->shared.options.handle_signals) {
    // Installed now, before anyone is told the port: a SIGTERM sent the moment Laurel says it
    // is listening must start a graceful shutdown, not kill the process.
    impl_->signals.add(SIGINT, ec);
    if (!ec) impl_->signals.add(SIGTERM, ec);
    if (ec) return core::Error::internal("cannot handle SIGINT/SIGTERM: " + ec.message());
  }
  return {};
}

std::uint16_t Server::port() const {
  return impl_->bound_port;
}

void Server::run() {
  auto& impl = *impl_;
  if (impl.shared.options.handle_signals) {
    // The handlers were installed by listen(); a signal since then is waiting in the set.
    impl.signals.async_wait([this](beast::error_code ec, int) {
      if (!ec) impl_->begin_shutdown();
    });
  }
  impl.accept();
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < impl.contexts.size(); ++i) {
    workers.emplace_back([context = impl.contexts[i].get()] { context->run(); });
  }
  impl.main().run();
  for (auto& worker : workers)
    worker.join();
}

void Server::stop() {
  // Directly, not posted: the main context may be busy with a request, and the responses in
  // flight must already know to say "Connection: close".
  impl_->begin_shutdown();
}

core::Result<std::pair<std::string, std::uint16_t>> parse_listen_address(std::string_view text) {
  const auto colon = text.rfind(':');
  unsigned port = 0;
  if (colon == std::string_view::npos || colon == 0) {
    return core::Error::invalid("server.listen", "expected HOST:PORT");
  }
  const auto digits = text.substr(colon + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc() || end != digits.data() + digits.size() || port > 65535) {
    return core::Error::invalid("server.listen", "bad port in " + std::string(text));
  }
  std::string host(text.substr(0, colon));
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);  // [::1]:8080
  }
  return std::pair{host, static_cast<std::uint16_t>(port)};
}

}  // namespace laurel::http
