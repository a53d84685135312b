#pragma once
// One running Laurel: services, router, metrics, dispatcher and (when serving) the HTTP server,
// built from a Config. `laurel serve` runs one; the HTTP tests run one in-process on port 0.

#include <memory>

#include "api/routes.hpp"
#include "api/services.hpp"
#include "http/dispatcher.hpp"
#include "http/metrics.hpp"
#include "http/request_log.hpp"
#include "http/server.hpp"

namespace laurel::api {

class Application {
 public:
  // Opens the database (creating it if needed), migrates it when database.auto_migrate is set,
  // otherwise refuses to start on an out-of-date schema.
  static core::Result<std::unique_ptr<Application>> open(const config::Config& config,
                                                         const core::Clock& clock);

  Services& services() { return *services_; }
  http::Dispatcher& dispatcher() { return *dispatcher_; }
  const http::Router& router() const { return router_; }
  http::Metrics& metrics() { return *metrics_; }

  // Binds server.listen; then port() is known (server.listen may use port 0).
  core::Status listen(bool handle_signals = true);
  std::uint16_t port() const;
  // Serves until SIGTERM/SIGINT or stop(); returns after a graceful shutdown.
  void run();
  void stop();

 private:
  explicit Application(std::unique_ptr<Services> services);

  std::unique_ptr<Services> services_;
  MetricsHandle metrics_handle_;
  http::Router router_;
  std::unique_ptr<http::Metrics> metrics_;
  std::unique_ptr<http::RequestLog> request_log_;  // outlives the dispatcher that writes to it
  std::unique_ptr<http::Dispatcher> dispatcher_;
  std::unique_ptr<http::Server> server_;
};

// Sets up spdlog: an asynchronous logger to stderr at log.level, so that request logging costs
// the serving threads a queue push rather than a write.
void configure_logging(const config::LogConfig& log);

}  // namespace laurel::api
