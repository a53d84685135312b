#include "store/store.hpp"

namespace laurel::store {

PooledConnection::~PooledConnection() {
  if (store_ && connection_) store_->release(std::move(connection_));
}

core::Result<PooledConnection> Store::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return PooledConnection(this, std::move(connection));
    }
  }
  auto opened = open_connection();
  if (!opened) return opened.error();
  return PooledConnection(this, std::move(*opened));
}

void Store::release(std::unique_ptr<Connection> connection) {
  // A connection returned mid-transaction (a caller bailed out) must not leak its open
  // transaction to the next borrower.
  if (connection->in_transaction()) (void)connection->rollback();
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(connection));
}

Store::ObserverId Store::add_commit_observer(std::function<void()> observer) {
  std::lock_guard lock(observers_mutex_);
  commit_observers_.emplace_back(next_observer_, std::move(observer));
  return next_observer_++;
}

void Store::remove_commit_observer(ObserverId id) {
  std::lock_guard lock(observers_mutex_);
  std::erase_if(commit_observers_, [id](const auto& entry) { return entry.first == id; });
}

void Store::committed() const {
  std::lock_guard lock(observers_mutex_);
  for (const auto& [id, observer] : commit_observers_)
    observer();
}

core::Status Store::ping() {
  auto connection = acquire();
  if (!connection) return connection.error();
  auto answer = (*connection)->query("SELECT 1");
  if (!answer) return answer.error();
  return {};
}

void Store::close_idle() {
  std::vector<std::unique_ptr<Connection>> closing;
  {
    std::lock_guard lock(mutex_);
    closing.swap(idle_);
  }
}

core::Result<WriteTransaction> WriteTransaction::begin(Store& store) {
  auto connection = store.acquire();
  if (!connection) return connection.error();
  auto transaction = Transaction::begin(**connection);
  if (!transaction) return transaction.error();
  return WriteTransaction(store, std::move(*connection), std::move(*transaction));
}

}  // namespace laurel::store
