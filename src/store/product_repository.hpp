#pragma once
// Products (funds) as stored (migration 0005). Validation lives in crm::ProductService.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct ProductRecord {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string type;    // equity, bond, mixed, money_market, index, qdii, fof, other
  std::string status;  // offering, open, closed
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct ProductFilter {
  std::optional<std::string> type;
  std::optional<std::string> status;
  std::optional<std::string> search;  // substring of code or name
  std::int64_t after_id = 0;
  int limit = 50;
};

class ProductRepository {
 public:
  explicit ProductRepository(Connection& connection) : db_(connection) {}

  // Fails with Errc::conflict (field "code") when the code is taken.
  core::Result<std::int64_t> insert(const ProductRecord& product);
  core::Status update(const ProductRecord& product);
  core::Result<std::optional<ProductRecord>> find(std::int64_t id);
  core::Result<std::optional<ProductRecord>> find_by_code(std::string_view code);
  // Ordered by id; up to limit + 1 rows.
  core::Result<std::vector<ProductRecord>> list(const ProductFilter& filter);

 private:
  Connection& db_;
};

}  // namespace laurel::store
