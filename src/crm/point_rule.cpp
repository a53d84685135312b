#include "crm/point_rule.hpp"

#include <boost/json/parse.hpp>

#include "core/money.hpp"
#include "core/timestamp.hpp"
#include "crm/json_reader.hpp"
#include "crm/visit_kinds_json.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

constexpr Names<engine::kPointsEvents> kEvents{{"visit_logged", "key_person_met",
                                                "decision_maker_reached", "subscription",
                                                "follow_up_done", "first_use"}};
constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxCurve = 20;
constexpr std::int64_t kMostPoints = 1'000'000'000;  // per activity, cap or budget

// A whole number from 1 to kMostPoints, or nullopt when absent.
core::Result<std::optional<std::int64_t>> positive(JsonReader& r, std::string_view key) {
  const auto* v = r.take(key);
  if (!v) return std::optional<std::int64_t>();
  if (!v->is_int64() || v->as_int64() < 1 || v->as_int64() > kMostPoints) {
    return Error::invalid(
        r.field(key), "must be a whole number of points from 1 to " + std::to_string(kMostPoints));
  }
  return std::optional(v->as_int64());
}

core::Status read_curve(JsonReader& r, engine::PointsRule& rule) {
  const auto* v = r.take("curve");
  if (!v) return {};
  if (!v->is_array() || v->as_array().size() > kMaxCurve) {
    return Error::invalid("curve", "must be a list of at most " + std::to_string(kMaxCurve) +
                                       " points ({\"amount\": \"1000000.00\", \"points\": 10})");
  }
  const auto& points = v->as_array();
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto name = "curve[" + std::to_string(i) + "]";
    if (!points[i].is_object()) return Error::invalid(name, "must be an object");
    JsonReader point(points[i].as_object(), name + ".", true, "a curve point");
    const auto* amount = point.take("amount");
    if (!amount || !amount->is_string()) {
      return Error::invalid(name + ".amount", "is required: an amount, such as \"1000000.00\"");
    }
    auto fen = core::parse_amount(amount->as_string(), name + ".amount");
    if (!fen) return fen.error();
    if (*fen <= 0) return Error::invalid(name + ".amount", "must be above zero");
    const auto* p = point.take("points");
    if (!p || !p->is_int64() || p->as_int64() < 0 || p->as_int64() > kMostPoints) {
      return Error::invalid(name + ".points", "must be a whole number of points from 0 to " +
                                                  std::to_string(kMostPoints));
    }
    if (auto s = point.finish(); !s) return s;
    if (!rule.curve.empty() && *fen <= rule.curve.back().amount_fen) {
      return Error::invalid(name + ".amount", "must be above the point before it: amounts rise");
    }
    if (!rule.curve.empty() && p->as_int64() < rule.curve.back().points) {
      return Error::invalid(name + ".points",
                            "must not be below the point before it: the curve never falls");
    }
    rule.curve.push_back({*fen, p->as_int64()});
  }
  return {};
}

core::Status read_budget(JsonReader& r, PointRule& rule) {
  const auto* v = r.take("budget");
  if (!v) return {};
  if (!v->is_object()) return Error::invalid("budget", "must be an object");
  JsonReader budget(v->as_object(), "budget.", true, "a budget");
  const auto* period = budget.take("period");
  const auto kind =
      period && period->is_string() ? core::parse_period_kind(period->as_string()) : std::nullopt;
  if (!kind || (*kind != core::PeriodKind::month && *kind != core::PeriodKind::quarter &&
                *kind != core::PeriodKind::year)) {
    return Error::invalid("budget.period", "must be one of month, quarter, year");
  }
  auto points = positive(budget, "points");
  if (!points) return points.error();
  if (!*points) return Error::invalid("budget.points", "is required");
  if (auto s = budget.finish(); !s) return s;
  rule.budget = PointBudget{*kind, **points};
  return {};
}

core::Result<PointRule> read_rule(const json::object& o, bool strict) {
  JsonReader r(o, "", strict, "a points rule");
  PointRule rule;
  auto& e = rule.engine;
  const auto* name = r.take("name");
  if (!name || !name->is_string() || name->as_string().empty()) {
    return Error::invalid("name", "is required");
  }
  if (name->as_string().size() > kMaxName) {
    return Error::invalid("name", "must be at most " + std::to_string(kMaxName) + " bytes");
  }
  rule.name = name->as_string();
  auto event = r.one_of("event", kEvents);
  if (!event) return event.error();
  e.event = static_cast<engine::PointsEvent>(*event);
  const bool subscription = e.event == engine::PointsEvent::subscription;
  const bool first_use = e.event == engine::PointsEvent::first_use;

  auto points = positive(r, "points");
  if (!points) return points.error();
  e.points = points->value_or(0);
  if (auto s = read_curve(r, e); !s) return s.error();
  if (!subscription && !e.curve.empty() && strict) {
    return Error::invalid("curve", "is for subscription rules only: visits earn `points` each");
  }
  if (strict && !*points && e.curve.empty()) {
    return Error::invalid("points", subscription ? "is required without a curve" : "is required");
  }
  auto most = positive(r, "max_points");
  if (!most) return most.error();
  if (*most && !subscription && strict) {
    return Error::invalid("max_points", "is for subscription rules only");
  }
  e.max_points = *most;

  auto kinds = read_visit_kinds(r);
  if (!kinds) return kinds.error();
  if (*kinds != 0 && (subscription || first_use) && strict) {
    return Error::invalid("visit_kinds", "is for visit and follow-up rules only");
  }
  e.visit_kinds = *kinds;

  auto daily = positive(r, "daily_cap");
  if (!daily) return daily.error();
  e.daily_cap = *daily;
  auto weekly = positive(r, "weekly_cap");
  if (!weekly) return weekly.error();
  e.weekly_cap = *weekly;
  if (e.daily_cap && e.weekly_cap && *e.weekly_cap < *e.daily_cap) {
    return Error::invalid("weekly_cap", "must not be below daily_cap");
  }
  auto once = r.flag("once_per_client_per_day");
  if (!once) return once.error();
  if (*once && first_use && strict) {
    return Error::invalid("once_per_client_per_day",
                          "is not for first_use rules: a first use is of no client");
  }
  e.once_per_client_per_day = *once;
  if (const auto* enabled = r.take("enabled")) {
    if (!enabled->is_bool()) return Error::invalid("enabled", "must be true or false");
    e.enabled = enabled->as_bool();
  }
  auto from = r.instant("effective_from");
  if (!from) return from.error();
  rule.effective_from_set = from->has_value();
  if (*from) e.effective_from = **from;
  auto until = r.instant("valid_until");
  if (!until) return until.error();
  e.valid_until = *until;
  if (e.valid_until && rule.effective_from_set && *e.valid_until <= e.effective_from) {
    return Error::invalid("valid_until", "must be after effective_from");
  }
  if (const auto* grace = r.take("grace_days")) {
    if (!grace->is_int64() || grace->as_int64() < 0 || grace->as_int64() > 365) {
      return Error::invalid("grace_days", "must be a whole number of days from 0 to 365");
    }
    e.grace_days = static_cast<std::int32_t>(grace->as_int64());
    rule.grace_days_set = true;
  }
  if (auto s = read_budget(r, rule); !s) return s.error();
  if (!strict) {
    auto stamp = read_stored_stamp(r);
    if (!stamp) return stamp.error();
    e.id = stamp->id;
    rule.created_by = stamp->created_by;
    if (stamp->created_at) rule.created_at = *stamp->created_at;
    if (const auto* version = r.take("version"); version && version->is_int64()) {
      e.version = static_cast<std::int32_t>(version->as_int64());
    }
  }
  if (auto s = r.finish(); !s) return s.error();
  return rule;
}

json::value optional_number(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

std::string_view to_string(engine::PointsEvent event) {
  return kEvents.names[static_cast<std::size_t>(event)];
}

core::Result<PointRule> read_point_rule_input(std::string_view body) {
  auto doc = json_object_body(body);
  if (!doc) return doc.error();
  return read_rule(*doc, true);
}

core::Result<PointRule> read_point_rule(const json::object& o) {
  return read_rule(o, false);
}

json::object point_rule_to_json(const PointRule& rule) {
  const auto& e = rule.engine;
  json::array curve;
  for (const auto& p : e.curve)
    curve.push_back(
        json::object{{"amount", core::format_amount(p.amount_fen)}, {"points", p.points}});
  json::value budget = nullptr;
  if (rule.budget) {
    budget = json::object{{"period", core::to_string(rule.budget->period)},
                          {"points", rule.budget->points}};
  }
  return {{"id", e.id},
          {"version", e.version},
          {"name", rule.name},
          {"event", to_string(e.event)},
          {"points", e.points ? json::value(e.points) : json::value(nullptr)},
          {"curve", std::move(curve)},
          {"max_points", optional_number(e.max_points)},
          {"visit_kinds", visit_kinds_to_json(e.visit_kinds)},
          {"daily_cap", optional_number(e.daily_cap)},
          {"weekly_cap", optional_number(e.weekly_cap)},
          {"once_per_client_per_day", e.once_per_client_per_day},
          {"enabled", e.enabled},
          {"effective_from", core::format_rfc3339(e.effective_from)},
          {"valid_until", e.valid_until ? json::value(core::format_rfc3339(*e.valid_until))
                                        : json::value(nullptr)},
          {"grace_days", e.grace_days},
          {"budget", std::move(budget)},
          {"created_by", optional_number(rule.created_by)},
          {"created_at", core::format_rfc3339(rule.created_at)}};
}

}  // namespace laurel::crm
