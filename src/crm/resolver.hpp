#pragma once
// Finding the client and product a pushed record names, by Laurel id or by the codes the
// trading and warehouse systems know (the client's unified social credit code, the fund code).
// Remembers what it found: a batch names the same few clients and products many times.

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "store/connection.hpp"

namespace laurel::crm {

class Resolver {
 public:
  explicit Resolver(store::Connection& db) : db_(db) {}

  // Exactly one of id and code must be given; errors name "client_id" or
  // "client_registration_code".
  core::Result<std::int64_t> client(const std::optional<std::int64_t>& id,
                                    const std::optional<std::string>& code);
  // Exactly one of id and code; errors name "product_id" or "product_code".
  core::Result<std::int64_t> product(const std::optional<std::int64_t>& id,
                                     const std::optional<std::string>& code);
  // Whether the product is a money-market fund (the headline figures leave those out).
  core::Result<bool> is_money_market(std::int64_t product_id);

 private:
  store::Connection& db_;
  std::map<std::int64_t, bool> known_clients_;
  std::map<std::int64_t, std::string> product_types_;
  std::map<std::string, std::int64_t, std::less<>> client_codes_, product_codes_;
};

}  // namespace laurel::crm
