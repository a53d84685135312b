#pragma once
// A real Server on a free loopback port over a test's router, run on a thread of its own; no
// credentials are accepted (the routes under test are open). Stopped when it goes away.

#include <memory>
#include <thread>

#include "http/server.hpp"

namespace laurel::http {

class RunningServer {
 public:
  // False when the server could not listen.
  bool start(const Router& router, std::vector<std::string> route_labels, ServerOptions options) {
    metrics = std::make_unique<Metrics>(std::move(route_labels));
    dispatcher_ = std::make_unique<Dispatcher>(
        router,
        [](std::string_view) -> core::Result<auth::Principal> {
          return core::Error::unauthenticated("no");
        },
        *metrics, nullptr, RequestLogger(), DispatcherOptions{1024});
    options.port = 0;
    options.threads = 2;
    options.handle_signals = false;
    server = std::make_unique<Server>(*dispatcher_, *metrics, options);
    if (!server->listen()) return false;
    runner = std::thread([this] { server->run(); });
    return true;
  }
  ~RunningServer() {
    if (server) server->stop();
    if (runner.joinable()) runner.join();
  }
  std::uint16_t port() const { return server->port(); }

  std::unique_ptr<Metrics> metrics;
  std::unique_ptr<Server> server;
  std::thread runner;

 private:
  std::unique_ptr<Dispatcher> dispatcher_;
};

}  // namespace laurel::http
