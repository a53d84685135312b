#pragma once
// Inside the server (server.cpp and websocket_session.cpp only): what connections share with it,
// and how each connection is counted and found again at shutdown.

#include <functional>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "http/dispatcher.hpp"
#include "http/metrics.hpp"
#include "http/server.hpp"

namespace laurel::http {

// A connection the server can ask to finish, from any thread, when it shuts down.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  virtual ~Connection() = default;
  virtual void shutdown() = 0;
};

struct ServerShared {
  ServerShared(Dispatcher& d, Metrics& m, ServerOptions o)
      : dispatcher(d), metrics(m), options(std::move(o)) {}

  Dispatcher& dispatcher;
  Metrics& metrics;
  ServerOptions options;
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::unordered_set<Connection*> sessions;
  // Set with `stopping`; called (under sessions_mutex) when the last connection closes.
  std::function<void()> on_drained;
};

// A connection's place in the count and in the shutdown list, for its lifetime. A connection
// refused for being over the limit is not counted.
class ConnectionRegistration {
 public:
  ConnectionRegistration(ServerShared& shared, Connection* connection, bool counted)
      : shared_(shared), connection_(connection), counted_(counted) {
    if (!counted_) return;
    shared_.metrics.connection_opened();
    std::lock_guard lock(shared_.sessions_mutex);
    shared_.sessions.insert(connection_);
  }
  ~ConnectionRegistration() {
    if (!counted_) return;
    shared_.metrics.connection_closed();
    std::lock_guard lock(shared_.sessions_mutex);
    shared_.sessions.erase(connection_);
    if (shared_.stopping && shared_.sessions.empty()) shared_.on_drained();
  }
  ConnectionRegistration(const ConnectionRegistration&) = delete;
  ConnectionRegistration& operator=(const ConnectionRegistration&) = delete;

 private:
  ServerShared& shared_;
  Connection* connection_;
  bool counted_;
};

}  // namespace laurel::http
