#include "crm/reward.hpp"

#include "core/timestamp.hpp"
#include "crm/json_reader.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxDescription = 2000;
constexpr std::size_t kMaxKey = 100;
constexpr std::size_t kMaxNote = 500;
constexpr std::int64_t kMostPrice = 10'000'000;
constexpr std::int64_t kMostStock = 1'000'000;
constexpr std::int64_t kMostQuantity = 100;

// A text member of at most `max` bytes; `required` ones must not be empty.
core::Result<std::optional<std::string>> read_text(JsonReader& r, std::string_view key,
                                                   std::size_t max, bool required) {
  const auto* v = r.take(key);
  const auto rule = (required ? "is required: 1 to " : "must be text of at most ") +
                    std::to_string(max) + " bytes";
  if (!v) {
    if (required) return Error::invalid(r.field(key), rule);
    return std::optional<std::string>();
  }
  if (!v->is_string() || v->as_string().size() > max || (required && v->as_string().empty())) {
    return Error::invalid(r.field(key), rule);
  }
  return std::optional<std::string>(v->as_string());
}

// A whole number from `least` to `most`, or nullopt when absent or null.
core::Result<std::optional<std::int64_t>> read_count(JsonReader& r, std::string_view key,
                                                     std::int64_t least, std::int64_t most) {
  const auto* v = r.take(key);
  if (!v) return std::optional<std::int64_t>();
  if (!v->is_int64() || v->as_int64() < least || v->as_int64() > most) {
    return Error::invalid(r.field(key), "must be a whole number from " + std::to_string(least) +
                                            " to " + std::to_string(most));
  }
  return std::optional(v->as_int64());
}

core::Result<bool> read_flag(JsonReader& r, std::string_view key, bool fallback) {
  if (!r.take(key)) return fallback;
  return r.flag(key);
}

json::value optional_number(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::value optional_time(const std::optional<std::int64_t>& micros) {
  return micros ? json::value(core::format_rfc3339(core::from_micros(*micros)))
                : json::value(nullptr);
}

}  // namespace

core::Result<RewardInput> read_reward_input(std::string_view body) {
  auto doc = json_object_body(body);
  if (!doc) return doc.error();
  JsonReader r(*doc, "", true, "a reward");
  RewardInput out;
  auto name = read_text(r, "name", kMaxName, true);
  if (!name) return name.error();
  out.name = std::move(**name);
  auto description = read_text(r, "description", kMaxDescription, false);
  if (!description) return description.error();
  out.description = description->value_or("");
  auto price = read_count(r, "price", 1, kMostPrice);
  if (!price) return price.error();
  if (!*price) {
    return Error::invalid(
        "price", "is required: a whole number of points from 1 to " + std::to_string(kMostPrice));
  }
  out.price = **price;
  auto stock = read_count(r, "stock", 0, kMostStock);
  if (!stock) return stock.error();
  out.stock = *stock;
  auto limit = read_count(r, "per_person_limit", 1, kMostStock);
  if (!limit) return limit.error();
  out.per_person_limit = *limit;
  auto level = read_text(r, "visible_from_level", kMaxName, false);
  if (!level) return level.error();
  if (*level && (*level)->empty()) return Error::invalid("visible_from_level", "names no level");
  out.visible_from_level = std::move(*level);
  auto approval = read_flag(r, "approval_required", true);
  if (!approval) return approval.error();
  out.approval_required = *approval;
  auto active = read_flag(r, "active", true);
  if (!active) return active.error();
  out.active = *active;
  if (auto s = r.finish(); !s) return s.error();
  return out;
}

core::Result<OrderInput> read_order_input(std::string_view body) {
  auto doc = json_object_body(body);
  if (!doc) return doc.error();
  JsonReader r(*doc, "", true, "an order");
  OrderInput out;
  auto reward = r.id("reward_id");
  if (!reward) return reward.error();
  if (!*reward) return Error::invalid("reward_id", "is required");
  out.reward_id = **reward;
  auto quantity = read_count(r, "quantity", 1, kMostQuantity);
  if (!quantity) return quantity.error();
  out.quantity = quantity->value_or(1);
  auto key = read_text(r, "idempotency_key", kMaxKey, true);
  if (!key) return key.error();
  out.idempotency_key = std::move(**key);
  auto staff = r.id("staff_id");
  if (!staff) return staff.error();
  out.staff_id = *staff;
  if (auto s = r.finish(); !s) return s.error();
  return out;
}

core::Result<std::string> read_decision_note(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return std::string();
  auto doc = json_object_body(body);
  if (!doc) return doc.error();
  JsonReader r(*doc, "", true, "a decision");
  auto note = read_text(r, "note", kMaxNote, false);
  if (!note) return note.error();
  if (auto s = r.finish(); !s) return s.error();
  return note->value_or("");
}

json::object reward_to_json(const store::RewardRecord& w) {
  return {{"id", w.id},
          {"name", w.name},
          {"description", w.description},
          {"price", w.price},
          {"stock", optional_number(w.stock)},
          {"per_person_limit", optional_number(w.per_person_limit)},
          {"visible_from_level",
           w.visible_from_level ? json::value(*w.visible_from_level) : json::value(nullptr)},
          {"approval_required", w.approval_required},
          {"active", w.active},
          {"created_by", optional_number(w.created_by)},
          {"created_at", core::format_rfc3339(core::from_micros(w.created_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(w.updated_at))}};
}

json::object order_to_json(const store::RewardOrderRecord& o, const std::string& reward_name) {
  return {{"id", o.id},
          {"reward", json::object{{"id", o.reward_id}, {"name", reward_name}}},
          {"staff_id", o.staff_id},
          {"quantity", o.quantity},
          {"points", o.points},
          {"status", o.status},
          {"idempotency_key", o.idempotency_key},
          {"placed_by", optional_number(o.placed_by)},
          {"placed_at", core::format_rfc3339(core::from_micros(o.placed_at))},
          {"decided_by", optional_number(o.decided_by)},
          {"decided_at", optional_time(o.decided_at)},
          {"note", o.note}};
}

}  // namespace laurel::crm
