#include "crm/board_json.hpp"

#include <fmt/format.h>

#include <cctype>

#include "auth/user_validation.hpp"
#include "crm/json_reader.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

constexpr Names<2> kOrders{{"higher_first", "lower_first"}};
constexpr Names<3> kPolicies{{"competition", "dense", "first_to_reach"}};
constexpr Names<3> kScopes{{"company", "department", "campaign"}};
constexpr Names<2> kVisibilities{{"everyone", "managers"}};
constexpr Names<3> kKinds{{"computed", "manual", "hybrid"}};
constexpr Names<2> kSubjects{{"staff", "department"}};
constexpr Names<7> kWeekdays{
    {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}};

core::Result<std::optional<SnapshotSchedule>> read_schedule(JsonReader& r, bool strict) {
  const auto* v = r.take("snapshot_schedule");
  if (!v) return std::optional<SnapshotSchedule>();
  if (!v->is_object()) return Error::invalid("snapshot_schedule", "must be an object or null");
  JsonReader s(v->as_object(), "snapshot_schedule.", strict, "a snapshot schedule");
  SnapshotSchedule out;
  auto weekday = s.one_of("weekday", kWeekdays);
  if (!weekday) return weekday.error();
  out.weekday = static_cast<unsigned>(*weekday);
  const auto* time = s.take("time");
  const auto text = time && time->is_string() ? std::string_view(time->as_string()) : "";
  const bool shaped = text.size() == 5 && text[2] == ':' &&
                      std::isdigit(static_cast<unsigned char>(text[0])) &&
                      std::isdigit(static_cast<unsigned char>(text[1])) &&
                      std::isdigit(static_cast<unsigned char>(text[3])) &&
                      std::isdigit(static_cast<unsigned char>(text[4]));
  const int hours = shaped ? (text[0] - '0') * 10 + (text[1] - '0') : 99;
  const int minutes = shaped ? (text[3] - '0') * 10 + (text[4] - '0') : 99;
  if (hours > 23 || minutes > 59) {
    return Error::invalid("snapshot_schedule.time", "must be a company-local time HH:MM");
  }
  out.minute_of_day = hours * 60 + minutes;
  if (auto st = s.finish(); !st) return st.error();
  return std::optional(out);
}

json::value schedule_json(const std::optional<SnapshotSchedule>& s) {
  if (!s) return nullptr;
  return json::object{
      {"weekday", kWeekdays.names[s->weekday]},
      {"time", fmt::format("{:02d}:{:02d}", s->minute_of_day / 60, s->minute_of_day % 60)}};
}

json::value id_or_null(const std::optional<std::int64_t>& id) {
  return id ? json::value(*id) : json::value(nullptr);
}

}  // namespace

std::string_view to_string(engine::TiePolicy policy) {
  return kPolicies.names[static_cast<std::size_t>(policy)];
}
std::string_view to_string(engine::RankOrder order) {
  return kOrders.names[static_cast<std::size_t>(order)];
}
std::string_view to_string(engine::BoardScope scope) {
  return kScopes.names[static_cast<std::size_t>(scope)];
}

core::Result<BoardInput> read_board_input(const json::object& o, bool strict) {
  JsonReader r(o, "", strict, "a board");
  BoardInput in;
  const auto* name = r.take("name");
  if (!name || !name->is_string()) return Error::invalid("name", "is required, a string");
  in.name = std::string(name->as_string());
  const auto length = auth::utf8_length(in.name);
  if (length < 1 || length > 100 || in.name.find_first_not_of(' ') == std::string::npos) {
    return Error::invalid("name", "must be 1 to 100 characters, not blank");
  }
  auto& d = in.definition;
  auto kind = r.one_of("kind", kKinds, 0);
  if (!kind) return kind.error();
  d.kind = static_cast<engine::BoardKind>(*kind);
  auto metric = r.id("metric_id");
  if (!metric) return metric.error();
  if (d.kind == engine::BoardKind::manual) {
    // Rows entered by hand: no metric; whom it ranks, by which periods, counts or amounts.
    if (*metric) return Error::invalid("metric_id", "is not for a manual board");
    auto subject = r.one_of("subject", kSubjects);
    if (!subject) return subject.error();
    d.subject = *subject == 0 ? engine::SubjectKind::staff : engine::SubjectKind::department;
    const auto* period = r.take("period");
    const auto kind_of =
        period && period->is_string() ? core::parse_period_kind(period->as_string()) : std::nullopt;
    if (!kind_of) {
      return Error::invalid("period", "is required: day, week, month, quarter, year or all");
    }
    d.period = *kind_of;
    auto amounts = r.flag("amounts");
    if (!amounts) return amounts.error();
    in.amounts = *amounts;
  } else {
    if (!*metric) return Error::invalid("metric_id", "is required");
    d.metric_id = **metric;
  }
  auto approval = r.flag("approval_required");
  if (!approval) return approval.error();
  in.approval_required = *approval;
  if (d.kind == engine::BoardKind::computed && in.approval_required) {
    return Error::invalid("approval_required", "is for manual and hybrid boards");
  }
  auto denominator = r.id("denominator_metric_id");
  if (!denominator) return denominator.error();
  d.denominator_metric_id = *denominator;
  auto tie_breaker = r.id("tie_breaker_metric_id");
  if (!tie_breaker) return tie_breaker.error();
  d.tie_breaker_metric_id = *tie_breaker;
  auto tie_order = r.one_of("tie_breaker_order", kOrders, 0);
  if (!tie_order) return tie_order.error();
  d.tie_breaker_lower_first = *tie_order == 1;
  if (d.kind != engine::BoardKind::computed &&
      (d.denominator_metric_id || d.tie_breaker_metric_id)) {
    return Error::invalid(
        d.denominator_metric_id ? "denominator_metric_id" : "tie_breaker_metric_id",
        "is for computed boards: manual rows are plain figures");
  }
  for (const auto* metric_field : {"denominator_metric_id", "tie_breaker_metric_id"}) {
    const auto& other = std::string_view(metric_field) == "denominator_metric_id"
                            ? d.denominator_metric_id
                            : d.tie_breaker_metric_id;
    if (other == d.metric_id) {
      return Error::invalid(metric_field, "must be another metric than metric_id");
    }
  }
  auto scope = r.one_of("scope", kScopes, 0);
  if (!scope) return scope.error();
  d.scope = static_cast<engine::BoardScope>(*scope);
  auto department = r.id("department_id");
  if (!department) return department.error();
  auto campaign = r.id("campaign_id");
  if (!campaign) return campaign.error();
  if (d.scope == engine::BoardScope::department) {
    if (!*department) return Error::invalid("department_id", "is required with scope department");
    d.scope_id = **department;
  } else if (*department) {
    return Error::invalid("department_id", "is for scope department only");
  }
  if (d.scope == engine::BoardScope::campaign) {
    if (!*campaign) return Error::invalid("campaign_id", "is required with scope campaign");
    d.scope_id = **campaign;
  } else if (*campaign) {
    return Error::invalid("campaign_id", "is for scope campaign only");
  }
  auto order = r.one_of("order", kOrders, 0);
  if (!order) return order.error();
  d.order = static_cast<engine::RankOrder>(*order);
  auto policy = r.one_of("tie_policy", kPolicies, 0);
  if (!policy) return policy.error();
  d.policy = static_cast<engine::TiePolicy>(*policy);
  if (d.kind != engine::BoardKind::computed && d.policy == engine::TiePolicy::first_to_reach) {
    // A manual row has no moment it was reached: there is no timeline to rank it on.
    return Error::invalid("tie_policy", "must be competition or dense on a manual or hybrid board");
  }
  auto visibility = r.one_of("visibility", kVisibilities, 0);
  if (!visibility) return visibility.error();
  in.visibility = static_cast<BoardVisibility>(*visibility);
  auto schedule = read_schedule(r, strict);
  if (!schedule) return schedule.error();
  in.snapshot_schedule = *schedule;
  if (const auto* grace = r.take("close_grace_days")) {
    if (!grace->is_int64() || grace->as_int64() < 0 || grace->as_int64() > 31) {
      return Error::invalid("close_grace_days", "must be a whole number of days, 0 to 31");
    }
    in.close_grace_days = static_cast<int>(grace->as_int64());
  }
  auto pro_rate = r.flag("pro_rate");
  if (!pro_rate) return pro_rate.error();
  d.pro_rate = *pro_rate;
  if (d.pro_rate && (d.denominator_metric_id || d.kind == engine::BoardKind::manual)) {
    return Error::invalid("pro_rate", "is for plain boards computed from a metric of people");
  }
  if (const auto* top = r.take("public_top"); top && !top->is_null()) {
    if (!top->is_int64() || top->as_int64() < 1 || top->as_int64() > 1000) {
      return Error::invalid("public_top", "must be a whole number from 1 to 1000, or null");
    }
    in.public_top = static_cast<int>(top->as_int64());
  }
  if (auto s = r.finish(); !s) return s.error();
  return in;
}

json::object board_input_to_json(const BoardInput& b) {
  const auto& d = b.definition;
  const auto scoped = [&](engine::BoardScope scope) {
    return d.scope == scope ? json::value(d.scope_id) : json::value(nullptr);
  };
  json::object out{
      {"name", b.name},
      {"kind", kKinds.names[static_cast<std::size_t>(d.kind)]},
      {"metric_id", d.metric_id ? json::value(d.metric_id) : json::value(nullptr)},
      {"denominator_metric_id", id_or_null(d.denominator_metric_id)},
      {"tie_breaker_metric_id", id_or_null(d.tie_breaker_metric_id)},
      {"tie_breaker_order", d.tie_breaker_lower_first ? "lower_first" : "higher_first"},
      {"scope", to_string(d.scope)},
      {"department_id", scoped(engine::BoardScope::department)},
      {"campaign_id", scoped(engine::BoardScope::campaign)},
      {"order", to_string(d.order)},
      {"tie_policy", to_string(d.policy)},
      {"visibility", kVisibilities.names[static_cast<std::size_t>(b.visibility)]},
      {"snapshot_schedule", schedule_json(b.snapshot_schedule)},
      {"close_grace_days", b.close_grace_days},
      {"public_top", b.public_top ? json::value(*b.public_top) : json::value(nullptr)},
      {"approval_required", b.approval_required},
      {"pro_rate", d.pro_rate}};
  if (d.kind == engine::BoardKind::manual) {
    out["subject"] = kSubjects.names[d.subject == engine::SubjectKind::staff ? 0 : 1];
    out["period"] = core::to_string(d.period);
    out["amounts"] = b.amounts;
  }
  return out;
}

}  // namespace laurel::crm
