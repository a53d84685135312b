#include "crm/resolver.hpp"

#include "crm/credit_code.hpp"
#include "store/client_repository.hpp"
#include "store/product_repository.hpp"

namespace laurel::crm {

using core::Error;

core::Result<std::int64_t> Resolver::client(const std::optional<std::int64_t>& id,
                                            const std::optional<std::string>& code) {
  if (id.has_value() == code.has_value()) {
    return Error::invalid("client_id",
                          "give exactly one of client_id and client_registration_code");
  }
  if (id) {
    if (known_clients_.contains(*id)) return *id;
    auto found = store::ClientRepository(db_).find(*id);
    if (!found) return found.error();
    if (!*found) return Error::invalid("client_id", "no client " + std::to_string(*id));
    known_clients_.emplace(*id, true);
    return *id;
  }
  auto canonical = normalise_credit_code(*code);
  if (!canonical) return Error::invalid("client_registration_code", canonical.error().message);
  if (auto it = client_codes_.find(*canonical); it != client_codes_.end()) return it->second;
  auto found = store::ClientRepository(db_).find_by_registration_code(*canonical);
  if (!found) return found.error();
  if (!*found) return Error::invalid("client_registration_code", "no client has this code");
  client_codes_.emplace(*canonical, (*found)->id);
  return (*found)->id;
}

core::Result<std::int64_t> Resolver::product(const std::optional<std::int64_t>& id,
                                             const std::optional<std::string>& code) {
  if (id.has_value() == code.has_value()) {
    return Error::invalid("product_id", "give exactly one of product_id and product_code");
  }
  store::ProductRepository products(db_);
  if (id) {
    if (product_types_.contains(*id)) return *id;
    auto found = products.find(*id);
    if (!found) return found.error();
    if (!*found) return Error::invalid("product_id", "no product " + std::to_string(*id));
    product_types_.emplace(*id, (*found)->type);
    return *id;
  }
  if (auto it = product_codes_.find(*code); it != product_codes_.end()) return it->second;
  auto found = products.find_by_code(*code);
  if (!found) return found.error();
  if (!*found) return Error::invalid("product_code", "no product has this code");
  product_codes_.emplace(*code, (*found)->id);
  product_types_.emplace((*found)->id, (*found)->type);
  return (*found)->id;
}

core::Result<bool> Resolver::is_money_market(std::int64_t product_id) {
  if (auto it = product_types_.find(product_id); it != product_types_.end()) {
    return it->second == "money_market";
  }
  auto found = store::ProductRepository(db_).find(product_id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no product " + std::to_string(product_id));
  product_types_.emplace(product_id, (*found)->type);
  return (*found)->type == "money_market";
}

}  // namespace laurel::crm
