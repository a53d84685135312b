#include "crm/product_service.hpp"

#include <algorithm>
#include <array>
#include <boost/json/object.hpp>

#include "auth/user_validation.hpp"
#include "core/timestamp.hpp"

namespace laurel::crm {
namespace {

using core::Error;

constexpr std::array<std::string_view, 8> kTypes = {"equity", "bond", "mixed", "money_market",
                                                    "index",  "qdii", "fof",   "other"};
constexpr std::array<std::string_view, 3> kStatuses = {"offering", "open", "closed"};

core::Status validate_code(const std::string& code) {
  if (code.empty() || code.size() > 20) return Error::invalid("code", "must be 1 to 20 characters");
  const bool ok = std::all_of(code.begin(), code.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '_' || ch == '-';
  });
  if (!ok) return Error::invalid("code", "may contain only A-Z a-z 0-9 . _ -");
  return {};
}

core::Status validate_name(const std::string& name) {
  const auto length = auth::utf8_length(name);
  if (length < 1 || length > 100) return Error::invalid("name", "must be 1 to 100 characters");
  if (name.find_first_not_of(' ') == std::string::npos) {
    return Error::invalid("name", "must not be blank");
  }
  if (std::any_of(name.begin(), name.end(),
                  [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; })) {
    return Error::invalid("name", "must not contain control characters");
  }
  return {};
}

core::Result<store::ProductRecord> load(store::Connection& db, std::int64_t id) {
  auto found = store::ProductRepository(db).find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no product " + std::to_string(id));
  return std::move(**found);
}

}  // namespace

std::span<const std::string_view> product_types() {
  return kTypes;
}
std::span<const std::string_view> product_statuses() {
  return kStatuses;
}

core::Status check_one_of(std::string_view field, std::string_view value,
                          std::span<const std::string_view> allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return {};
  std::string names;
  for (auto name : allowed)
    names += (names.empty() ? "" : ", ") + std::string(name);
  return Error::invalid(std::string(field), "must be one of " + names);
}

boost::json::object product_to_json(const store::ProductRecord& p) {
  return {{"id", p.id},
          {"code", p.code},
          {"name", p.name},
          {"type", p.type},
          {"money_market", p.type == "money_market"},
          {"status", p.status},
          {"created_at", core::format_rfc3339(core::from_micros(p.created_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(p.updated_at))}};
}

core::Result<store::ProductRecord> ProductService::create(const NewProduct& input,
                                                          const auth::Actor& actor) {
  if (auto s = validate_code(input.code); !s) return s.error();
  if (auto s = validate_name(input.name); !s) return s.error();
  if (auto s = check_one_of("type", input.type, kTypes); !s) return s.error();
  if (auto s = check_one_of("status", input.status, kStatuses); !s) return s.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::ProductRecord product{0, input.code, input.name, input.type, input.status, 0, 0};
  product.created_at = product.updated_at = core::to_micros(clock_.now());
  auto id = store::ProductRepository(db).insert(product);
  if (!id) return id.error();
  product.id = *id;
  if (auto seq = events_.append(db, actor,
                                {"product.created", "product", std::to_string(*id), std::nullopt,
                                 product_to_json(product), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return product;
}

core::Result<store::ProductRecord> ProductService::update(std::int64_t id,
                                                          const ProductChanges& changes,
                                                          const auth::Actor& actor) {
  if (changes.code) {
    if (auto s = validate_code(*changes.code); !s) return s.error();
  }
  if (changes.name) {
    if (auto s = validate_name(*changes.name); !s) return s.error();
  }
  if (changes.type) {
    if (auto s = check_one_of("type", *changes.type, kTypes); !s) return s.error();
  }
  if (changes.status) {
    if (auto s = check_one_of("status", *changes.status, kStatuses); !s) return s.error();
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto before = load(db, id);
  if (!before) return before.error();
  store::ProductRecord after = *before;
  if (changes.code) after.code = *changes.code;
  if (changes.name) after.name = *changes.name;
  if (changes.type) after.type = *changes.type;
  if (changes.status) after.status = *changes.status;
  if (after.code == before->code && after.name == before->name && after.type == before->type &&
      after.status == before->status) {
    return before;  // nothing changes: no event
  }
  after.updated_at = core::to_micros(clock_.now());
  if (auto s = store::ProductRepository(db).update(after); !s) return s.error();
  if (auto seq = events_.append(db, actor,
                                {"product.updated", "product", std::to_string(id),
                                 product_to_json(*before), product_to_json(after), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return after;
}

core::Result<store::ProductRecord> ProductService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  return load(**connection, id);
}

core::Result<ProductPage> ProductService::list(const store::ProductFilter& filter) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto products = store::ProductRepository(**connection).list(filter);
  if (!products) return products.error();
  ProductPage page;
  if (products->size() > static_cast<std::size_t>(filter.limit)) {
    products->pop_back();
    page.next_after_id = products->back().id;
  }
  page.products = std::move(*products);
  return page;
}

}  // namespace laurel::crm
