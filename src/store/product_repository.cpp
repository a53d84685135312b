#include "store/product_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns = "id, code, name, type, status, created_at, updated_at";

ProductRecord product_of(const Row& r) {
  return ProductRecord{r.integer(0), r.text(1),    r.text(2),   r.text(3),
                       r.text(4),    r.integer(5), r.integer(6)};
}

core::Result<std::optional<ProductRecord>> first(core::Result<Rows> rows) {
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ProductRecord>();
  return std::optional<ProductRecord>(product_of(rows->front()));
}

core::Error translated(const core::Error& error, const ProductRecord& p) {
  if (is_unique_violation(error)) {
    return core::Error::conflict("product code " + p.code + " is already taken", "code");
  }
  return error;
}

}  // namespace

core::Result<std::int64_t> ProductRepository::insert(const ProductRecord& p) {
  auto rows = db_.query(
      "INSERT INTO products (code, name, type, status, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {p.code, p.name, p.type, p.status, p.created_at, p.updated_at});
  if (!rows) return translated(rows.error(), p);
  return rows->front().integer(0);
}

core::Status ProductRepository::update(const ProductRecord& p) {
  auto rows = db_.query(
      "UPDATE products SET code = $2, name = $3, type = $4, status = $5, updated_at = $6 "
      "WHERE id = $1",
      {p.id, p.code, p.name, p.type, p.status, p.updated_at});
  if (!rows) return translated(rows.error(), p);
  if (rows->changes == 0) return core::Error::not_found("no product " + std::to_string(p.id));
  return {};
}

core::Result<std::optional<ProductRecord>> ProductRepository::find(std::int64_t id) {
  return first(db_.query("SELECT " + std::string(kColumns) + " FROM products WHERE id = $1", {id}));
}

core::Result<std::optional<ProductRecord>> ProductRepository::find_by_code(std::string_view code) {
  return first(db_.query("SELECT " + std::string(kColumns) + " FROM products WHERE code = $1",
                         {text(code)}));
}

core::Result<std::vector<ProductRecord>> ProductRepository::list(const ProductFilter& f) {
  auto rows = db_.query("SELECT " + std::string(kColumns) +
                            " FROM products WHERE id > $1"
                            " AND ($2 IS NULL OR type = $2)"
                            " AND ($3 IS NULL OR status = $3)"
                            " AND ($4 IS NULL OR instr(lower(code), lower($4)) > 0"
                            "      OR instr(lower(name), lower($4)) > 0)"
                            " ORDER BY id LIMIT $5",
                        {f.after_id, nullable(f.type), nullable(f.status), nullable(f.search),
                         std::int64_t{f.limit + 1}});
  if (!rows) return rows.error();
  std::vector<ProductRecord> products;
  products.reserve(rows->size());
  for (const auto& row : *rows)
    products.push_back(product_of(row));
  return products;
}

}  // namespace laurel::store
