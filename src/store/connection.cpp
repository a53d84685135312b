#include "store/connection.hpp"

namespace laurel::store {

core::Result<Transaction> Transaction::begin(Connection& connection) {
  if (auto s = connection.begin(); !s) return s.error();
  return Transaction(connection);
}

Transaction::Transaction(Transaction&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)) {}

Transaction::~Transaction() {
  if (connection_ && connection_->in_transaction()) (void)connection_->rollback();
}

core::Status Transaction::commit() {
  if (!connection_) return core::Error::internal("transaction already finished");
  auto s = connection_->commit();
  if (!s && connection_->in_transaction()) (void)connection_->rollback();
  connection_ = nullptr;
  return s;
}

}  // namespace laurel::store
