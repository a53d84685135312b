#include "store/connection.hpp"

namespace laurel::store {

bool is_unique_violation(const core::Error& error) {
  if (error.code != core::Errc::conflict) return false;
  const auto& m = error.message;
  return m.find("UNIQUE") != std::string::npos || m.find("unique") != std::string::npos;
}

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
