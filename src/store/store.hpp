#pragma once
// A database: a pool of connections to one backend. Thread-safe.
//
// acquire() hands a connection to one caller until the returned handle is destroyed; the pool
// keeps idle connections for reuse and opens new ones on demand (SQLite connections are cheap,
// and the number of callers is bounded by Laurel's worker threads).

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

// Told how long each statement took; feeds the "DB time" metric without the store knowing
// about metrics. Called on the querying thread; must be cheap and thread-safe.
using QueryObserver = std::function<void(std::chrono::nanoseconds elapsed)>;

class Store;

class PooledConnection {
 public:
  PooledConnection(Store* store, std::unique_ptr<Connection> connection)
      : store_(store), connection_(std::move(connection)) {}
  PooledConnection(PooledConnection&&) noexcept = default;
  PooledConnection& operator=(PooledConnection&&) = delete;
  ~PooledConnection();

  Connection& operator*() const { return *connection_; }
  Connection* operator->() const { return connection_.get(); }

 private:
  Store* store_;
  std::unique_ptr<Connection> connection_;
};

class Store {
 public:
  virtual ~Store() = default;

  core::Result<PooledConnection> acquire();

  void set_query_observer(QueryObserver observer) { observer_ = std::move(observer); }
  const QueryObserver& query_observer() const { return observer_; }

  // Observers are told after every WriteTransaction commits (on the committing thread; they
  // must be cheap and thread-safe, and must not add or remove observers): how the recognition
  // engine learns there is something new in the event log, and the live stream that there is
  // good news to push. Removed before the observer goes away.
  using ObserverId = std::uint64_t;
  ObserverId add_commit_observer(std::function<void()> observer);
  void remove_commit_observer(ObserverId id);
  void committed() const;

  // Whether the database answers a trivial query now (for health checks).
  core::Status ping();

  // Closes idle connections; connections still handed out close when they come back.
  void close_idle();

 protected:
  virtual core::Result<std::unique_ptr<Connection>> open_connection() = 0;

 private:
  friend class PooledConnection;
  void release(std::unique_ptr<Connection> connection);

  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
  QueryObserver observer_;
  mutable std::mutex observers_mutex_;
  std::vector<std::pair<ObserverId, std::function<void()>>> commit_observers_;
  ObserverId next_observer_ = 1;
};

// A pooled connection with a write transaction open on it: how every change begins.
//
//   auto write = store::WriteTransaction::begin(store);
//   if (!write) return write.error();
//   ... UserRepository(write->connection()).insert(...) ...
//   return write->commit();
//
// Rolls back if it goes out of scope uncommitted.
class WriteTransaction {
 public:
  static core::Result<WriteTransaction> begin(Store& store);

  Connection& connection() { return *connection_; }
  core::Status commit() {
    auto status = transaction_.commit();
    if (status) store_->committed();
    return status;
  }

 private:
  WriteTransaction(Store& store, PooledConnection connection, Transaction transaction)
      : store_(&store), connection_(std::move(connection)), transaction_(std::move(transaction)) {}

  Store* store_;
  PooledConnection connection_;  // declared first: released after the transaction ends
  Transaction transaction_;
};

}  // namespace laurel::store
