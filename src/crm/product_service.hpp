#pragma once
// Products (funds): code, name, type and status. Every change is validated and appended to the
// event log with the product before and after.
//
// Codes are what the trading and TA systems send with each transaction: 1 to 20 of A-Z a-z 0-9
// . _ -, unique. Types and statuses are closed lists (below); money-market funds are the type
// money_market, which the headline figures (holdings excluding money-market funds) leave out.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "crm/event_log.hpp"
#include "store/product_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

std::span<const std::string_view> product_types();
std::span<const std::string_view> product_statuses();

struct NewProduct {
  std::string code;
  std::string name;
  std::string type;
  std::string status = "open";
};

struct ProductChanges {
  std::optional<std::string> code;
  std::optional<std::string> name;
  std::optional<std::string> type;
  std::optional<std::string> status;
};

struct ProductPage {
  std::vector<store::ProductRecord> products;
  std::optional<std::int64_t> next_after_id;
};

class ProductService {
 public:
  ProductService(store::Store& store, const core::Clock& clock, const EventLog& events)
      : store_(store), clock_(clock), events_(events) {}

  core::Result<store::ProductRecord> create(const NewProduct& input, const auth::Actor& actor);
  core::Result<store::ProductRecord> update(std::int64_t id, const ProductChanges& changes,
                                            const auth::Actor& actor);
  core::Result<store::ProductRecord> get(std::int64_t id);
  core::Result<ProductPage> list(const store::ProductFilter& filter);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
};

boost::json::object product_to_json(const store::ProductRecord& product);
// Checks a value against one of the closed lists, naming the field and the allowed values.
core::Status check_one_of(std::string_view field, std::string_view value,
                          std::span<const std::string_view> allowed);

}  // namespace laurel::crm
