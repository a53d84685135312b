#include "crm/challenge.hpp"

#include <set>

#include "core/money.hpp"
#include "core/timestamp.hpp"
#include "crm/json_reader.hpp"
#include "crm/json_text.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

constexpr Names<2> kKinds{{"goal", "head_to_head"}};
constexpr Names<3> kSubjects{{"company", "department", "staff"}};
constexpr std::size_t kMaxName = 60;
constexpr std::size_t kMaxDescription = 500;
constexpr std::size_t kMostParticipants = 50;
constexpr std::int64_t kLongestGrace = 30;
constexpr std::int64_t kMostReward = 100'000;
constexpr std::size_t kMostGroups = 20;
constexpr std::size_t kMostMembers = 100;  // engine::ChallengeBook keeps fewer than 128
constexpr std::size_t kMaxGroupName = 30;

core::Status read_groups(JsonReader& r, Challenge& c, bool strict) {
  const auto* v = r.take("groups");
  if (!v || (!strict && v->is_array() && v->as_array().empty())) return {};  // stored: none
  if (!v->is_array() || v->as_array().empty() || v->as_array().size() > kMostGroups) {
    return Error::invalid(
        "groups", "must be a list of 1 to " + std::to_string(kMostGroups) + " groups of people");
  }
  std::set<std::int64_t> people;
  for (std::size_t i = 0; i < v->as_array().size(); ++i) {
    const auto field = "groups[" + std::to_string(i) + "]";
    const auto& item = v->as_array()[i];
    if (!item.is_object()) return Error::invalid(field, "must be an object: name and members");
    JsonReader g(item.as_object(), field + ".", strict, "a group");
    ChallengeGroup group;
    auto name = read_text(g, "name", kMaxGroupName, true);
    if (!name) return name.error();
    group.name = std::move(*name);
    auto members = g.ids("members", kMostMembers);
    if (!members) return members.error();
    if (members->empty())
      return Error::invalid(field + ".members", "is required: 1 person or more");
    for (std::size_t m = 0; m < members->size(); ++m) {
      if (!people.insert((*members)[m]).second) {
        return Error::invalid(field + ".members[" + std::to_string(m) + "]",
                              "is in another group already: a person takes part once");
      }
    }
    group.members = std::move(*members);
    if (auto s = g.finish(); !s) return s.error();
    c.groups.push_back(std::move(group));
  }
  return {};
}

core::Status read_goal(JsonReader& r, Challenge& c) {
  const auto* v = r.take("goal");
  if (!v) {
    if (c.kind == ChallengeKind::goal) {
      return Error::invalid("goal", "is required: the figure each participant is to reach");
    }
    return {};
  }
  if (v->is_string()) {
    auto amount = core::parse_amount(v->as_string(), "goal");
    if (!amount) return amount.error();
    c.goal = *amount;
    c.goal_is_amount = true;
  } else if (v->is_int64()) {
    c.goal = v->as_int64();
  } else {
    return Error::invalid("goal", "must be an amount (a string of yuan) or a count");
  }
  if (*c.goal <= 0) return Error::invalid("goal", "must be above zero");
  return {};
}

core::Result<Challenge> read(const json::object& o, bool strict) {
  JsonReader r(o, "", strict, "a challenge");
  Challenge c;
  auto name = read_text(r, "name", kMaxName, true);
  if (!name) return name.error();
  c.name = std::move(*name);
  auto description = read_text(r, "description", kMaxDescription, false);
  if (!description) return description.error();
  c.description = std::move(*description);
  auto kind = r.one_of("kind", kKinds, 0);
  if (!kind) return kind.error();
  c.kind = static_cast<ChallengeKind>(*kind);
  auto metric = r.id("metric_id");
  if (!metric) return metric.error();
  if (!*metric) return Error::invalid("metric_id", "is required");
  c.metric_id = **metric;
  const auto* period = r.take("period");
  const auto parsed =
      period && period->is_string() ? core::parse_period(period->as_string()) : std::nullopt;
  if (!parsed) {
    return Error::invalid("period",
                          "is required: one period of the metric's kind, such as "
                          "2026-12-01, 2026-W49, 2026-12, 2026-Q4 or 2026");
  }
  if (parsed->kind == core::PeriodKind::all_time) {
    return Error::invalid("period",
                          "must be a day, week, month, quarter or year: a challenge "
                          "has a window");
  }
  c.period = *parsed;
  if (auto s = read_goal(r, c); !s) return s.error();
  auto participants = r.ids("participants", kMostParticipants);
  if (!participants) return participants.error();
  c.participants = std::move(*participants);
  if (auto s = read_groups(r, c, strict); !s) return s.error();
  if (!c.groups.empty() && !c.participants.empty()) {
    return Error::invalid("groups", "take part instead of participants: give one or the other");
  }
  const auto taking_part = c.groups.empty() ? c.participants.size() : c.groups.size();
  if (c.kind == ChallengeKind::head_to_head && taking_part != 2) {
    return Error::invalid(c.groups.empty() ? "participants" : "groups",
                          "a head-to-head is between exactly two participants");
  }
  if (const auto* grace = r.take("grace_days")) {
    if (!grace->is_int64() || grace->as_int64() < 0 || grace->as_int64() > kLongestGrace) {
      return Error::invalid("grace_days", "must be a whole number of days from 0 to " +
                                              std::to_string(kLongestGrace));
    }
    c.grace_days = static_cast<std::int32_t>(grace->as_int64());
    c.grace_days_set = true;
  }
  if (const auto* reward = r.take("reward_points")) {
    if (!reward->is_int64() || reward->as_int64() < 0 || reward->as_int64() > kMostReward) {
      return Error::invalid("reward_points",
                            "must be whole points from 0 to " + std::to_string(kMostReward));
    }
    c.reward_points = reward->as_int64();
  }
  if (!strict) {
    auto stamp = read_stored_stamp(r);
    if (!stamp) return stamp.error();
    c.id = stamp->id;
    c.created_by = stamp->created_by;
    if (stamp->created_at) c.created_at = *stamp->created_at;
    // "group": ad-hoc groups of people (the metric's subject is staff).
    const auto* grouped = o.if_contains("subject");
    const bool of_groups = grouped && grouped->is_string() && grouped->as_string() == "group";
    auto subject = of_groups ? core::Result<std::size_t>(2) : r.one_of("subject", kSubjects);
    if (!subject) return subject.error();
    c.subject = static_cast<engine::SubjectKind>(*subject);
    for (auto [key, at] : {std::pair{"starts_at", &c.starts_at}, {"ends_at", &c.ends_at}}) {
      auto read_at = r.instant(key);
      if (!read_at) return read_at.error();
      if (!*read_at) return Error::invalid(key, "is required");
      *at = **read_at;
    }
  }
  if (auto s = r.finish(); !s) return s.error();
  return c;
}

}  // namespace

std::string_view subject_text(const Challenge& c) {
  if (!c.groups.empty()) return "group";
  const auto subject = static_cast<std::size_t>(c.subject);  // SubjectKind's first three
  return subject < kSubjects.names.size() ? kSubjects.names[subject] : "staff";
}

std::string_view to_string(ChallengeKind kind) {
  return kKinds.names[static_cast<std::size_t>(kind)];
}

core::Result<Challenge> read_challenge_input(std::string_view body) {
  auto doc = json_object_body(body);
  if (!doc) return doc.error();
  return read(*doc, true);
}

core::Result<Challenge> read_challenge(const json::object& o) {
  return read(o, false);
}

json::value figure_to_json(std::int64_t figure, bool amount) {
  return amount ? json::value(core::format_amount(figure)) : json::value(figure);
}

json::object challenge_to_json(const Challenge& c) {
  json::array participants;
  for (const auto id : c.participants)
    participants.push_back(id);
  json::array groups;
  for (const auto& g : c.groups) {
    json::array members;
    for (const auto id : g.members)
      members.push_back(id);
    groups.push_back(json::object{{"name", g.name}, {"members", std::move(members)}});
  }
  return {{"id", c.id},
          {"name", c.name},
          {"description", c.description},
          {"kind", to_string(c.kind)},
          {"metric_id", c.metric_id},
          {"period", core::format_period(c.period)},
          {"goal", c.goal ? figure_to_json(*c.goal, c.goal_is_amount) : json::value(nullptr)},
          {"subject", subject_text(c)},
          {"participants", std::move(participants)},
          {"groups", std::move(groups)},
          {"grace_days", c.grace_days},
          {"reward_points", c.reward_points},
          {"starts_at", core::format_rfc3339(c.starts_at)},
          {"ends_at", core::format_rfc3339(c.ends_at)},
          {"settles_at", core::format_rfc3339(c.settles_at())},
          {"created_by", c.created_by ? json::value(*c.created_by) : json::value(nullptr)},
          {"created_at", core::format_rfc3339(c.created_at)}};
}

engine::ChallengeDefinition challenge_definition(const Challenge& c) {
  engine::ChallengeDefinition d;
  d.id = c.id;
  d.metric_id = c.metric_id;
  d.period = c.period;
  d.subject_ids =
      c.subject == engine::SubjectKind::company ? std::vector<std::int64_t>{0} : c.participants;
  for (std::size_t i = 0; i < c.groups.size(); ++i) {
    d.subject_ids.push_back(static_cast<std::int64_t>(i) + 1);
    d.groups.push_back(c.groups[i].members);
  }
  d.goal = c.goal;
  d.head_to_head = c.kind == ChallengeKind::head_to_head;
  d.ends_at = c.ends_at;
  d.grace = std::chrono::days(c.grace_days);
  d.people = c.subject == engine::SubjectKind::staff;
  d.reward_points = c.reward_points;
  return d;
}

}  // namespace laurel::crm
