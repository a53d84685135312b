#include "crm/challenge_service.hpp"

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "core/timestamp.hpp"
#include "crm/metric_service.hpp"
#include "crm/subject_names.hpp"
#include "store/department_repository.hpp"
#include "store/metric_repository.hpp"
#include "store/staff_repository.hpp"

namespace laurel::crm {

using core::Error;

namespace {

core::Result<Challenge> stored_challenge(const store::ChallengeRow& row) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(row.definition, ec);
  if (ec || !doc.is_object()) {
    return Error::internal("challenge " + std::to_string(row.id) + " is unreadable");
  }
  auto challenge = read_challenge(doc.as_object());
  if (!challenge) {
    return Error::internal("challenge " + std::to_string(row.id) + ": " +
                           challenge.error().message);
  }
  challenge->id = row.id;
  return challenge;
}

// What a challenge may count: the metric exists, the fold judges it record by record, it counts
// for people, departments or the company, in periods of the window's kind, in the goal's unit;
// and the participants are of its subject.
core::Status check_metric(store::Connection& db, Challenge& c) {
  auto found = store::MetricRepository(db).find(c.metric_id);
  if (!found) return found.error();
  if (!*found) return Error::invalid("metric_id", "no metric " + std::to_string(c.metric_id));
  auto metric = metric_of(**found);
  if (!metric) return metric.error();
  const auto& m = metric->definition;
  const auto& code = (*found)->code;
  if (engine::is_holdings_kind(m.kind)) {
    return Error::invalid("metric_id", "metric " + code +
                                           " is a balance: a challenge is a figure that records "
                                           "build up, such as visits or subscriptions");
  }
  if (m.subject != engine::SubjectKind::company && m.subject != engine::SubjectKind::department &&
      m.subject != engine::SubjectKind::staff) {
    return Error::invalid("metric_id", "metric " + code +
                                           " counts per client or fund: a challenge is for "
                                           "people, departments or the whole company");
  }
  if (m.period != c.period.kind) {
    return Error::invalid(
        "period", "metric " + code + " counts per " + std::string(core::to_string(m.period)) +
                      ": the window is one " + std::string(core::to_string(m.period)));
  }
  if (c.goal && c.goal_is_amount != m.amounts()) {
    return Error::invalid(
        "goal", m.amounts()
                    ? "must be an amount (a string of yuan): metric " + code + " is of amounts"
                    : "must be a count (an integer): metric " + code + " counts");
  }
  c.subject = m.subject;
  if (m.subject != engine::SubjectKind::staff && c.reward_points > 0) {
    return Error::invalid("reward_points",
                          "rewards go to people: a challenge of departments or "
                          "the whole company pays none");
  }
  if (!c.groups.empty()) {  // ad-hoc groups of people
    if (m.subject != engine::SubjectKind::staff) {
      return Error::invalid(
          "groups",
          "groups are of people: metric " + code + " counts per " +
              std::string(m.subject == engine::SubjectKind::company ? "company" : "department"));
    }
    for (std::size_t g = 0; g < c.groups.size(); ++g) {
      for (std::size_t i = 0; i < c.groups[g].members.size(); ++i) {
        auto name = subject_name(db, m.subject, c.groups[g].members[i]);
        if (!name) return name.error();
        if (!*name) {
          return Error::invalid(
              "groups[" + std::to_string(g) + "].members[" + std::to_string(i) + "]",
              "no staff member " + std::to_string(c.groups[g].members[i]));
        }
      }
    }
    return {};
  }
  if (m.subject == engine::SubjectKind::company) {
    if (c.kind == ChallengeKind::head_to_head) {
      return Error::invalid("metric_id", "metric " + code +
                                             " is the company's: a head-to-head needs a metric "
                                             "of people or departments");
    }
    if (!c.participants.empty()) {
      return Error::invalid("participants",
                            "a company metric has no participants: the whole "
                            "company takes part, together");
    }
    return {};
  }
  if (c.participants.empty()) {
    return Error::invalid("participants", m.subject == engine::SubjectKind::staff
                                              ? "is required: the people taking part"
                                              : "is required: the departments taking part");
  }
  for (std::size_t i = 0; i < c.participants.size(); ++i) {
    auto name = subject_name(db, m.subject, c.participants[i]);
    if (!name) return name.error();
    if (!*name) {
      return Error::invalid(
          "participants[" + std::to_string(i) + "]",
          std::string(m.subject == engine::SubjectKind::staff ? "no staff member "
                                                              : "no department ") +
              std::to_string(c.participants[i]));
    }
  }
  return {};
}

ChallengeState state_at(const ChallengeView& v, core::Timestamp now) {
  if (v.cancelled_at) return ChallengeState::cancelled;
  if (v.standing.settled || now >= v.challenge.settles_at()) return ChallengeState::settled;
  return now < v.challenge.ends_at ? ChallengeState::open : ChallengeState::closing;
}

// The departments a person belongs to today, from theirs up to the top, fenced: ",3,1,".
core::Result<std::string> departments_of(store::Connection& db, std::int64_t staff_id,
                                         const std::string& today) {
  auto department = store::StaffRepository(db).department_on(staff_id, today);
  if (!department) return department.error();
  std::string out = ",";
  auto next = *department;
  for (int depth = 0; next && depth < 64; ++depth) {  // a tree: no cycles, but never loop
    out += std::to_string(*next) + ",";
    auto found = store::DepartmentRepository(db).find(*next);
    if (!found) return found.error();
    next = *found ? (*found)->parent_id : std::nullopt;
  }
  return out;
}

}  // namespace

std::string_view to_string(ChallengeState state) {
  static constexpr std::array<std::string_view, 4> kNames{"open", "closing", "settled",
                                                          "cancelled"};
  return kNames[static_cast<std::size_t>(state)];
}

core::Result<ChallengeView> ChallengeService::create(Challenge c, const auth::Actor& actor) {
  const auto now = std::chrono::time_point_cast<std::chrono::microseconds>(clock_.now());
  c.starts_at = zone_.start_of(core::first_day(c.period));
  c.ends_at =
      zone_.start_of(core::LocalDate(date::sys_days(core::last_day(c.period)) + date::days(1)));
  if (c.ends_at <= now) {
    return Error::invalid("period", "has ended: a challenge is for a window under way or to come");
  }
  if (!c.grace_days_set) c.grace_days = default_grace_days_;
  c.created_at = now;
  c.created_by = actor.user_id;
  std::int64_t id = 0;
  {
    auto write = store::WriteTransaction::begin(store_);
    if (!write) return write.error();
    auto& db = write->connection();
    if (auto s = check_metric(db, c); !s) return s.error();
    store::ChallengeRepository challenges(db);
    auto inserted = challenges.insert(c.name, subject_text(c), core::to_micros(c.ends_at),
                                      c.created_by, core::to_micros(now));
    if (!inserted) return inserted.error();
    id = c.id = *inserted;
    for (const auto subject : c.participants) {
      if (auto s = challenges.add_participant({id, subject}); !s) return s.error();
    }
    for (const auto& group : c.groups) {  // "mine" for their members
      for (const auto member : group.members) {
        if (auto s = challenges.add_participant({id, member}); !s) return s.error();
      }
    }
    const auto json = challenge_to_json(c);
    // The definition is written once the id is known, so the table and the log say the same.
    if (auto s = challenges.set_definition(id, boost::json::serialize(json)); !s) return s.error();
    if (auto seq = events_.append(db, actor,
                                  {"challenge.created", "challenge", std::to_string(id),
                                   std::nullopt, boost::json::value(json), std::nullopt});
        !seq) {
      return seq.error();
    }
    if (auto s = write->commit(); !s) return s.error();
  }
  engine_.wake();
  return get(id);
}

core::Result<ChallengeView> ChallengeService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto row = store::ChallengeRepository(**connection).find(id);
  if (!row) return row.error();
  if (!*row) return Error::not_found("no challenge " + std::to_string(id));
  auto out = views({**row});
  if (!out) return out.error();
  return std::move(out->front());
}

core::Result<ChallengePage> ChallengeService::list(const ChallengeQuery& query) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto& db = **connection;
  const auto now = clock_.now();
  std::optional<store::ChallengesOf> of;
  if (query.staff_id) {
    auto departments = departments_of(db, *query.staff_id, core::format_date(zone_.date_of(now)));
    if (!departments) return departments.error();
    of = store::ChallengesOf{*query.staff_id, std::move(*departments)};
  }
  auto rows = store::ChallengeRepository(db).list(query.filter, core::to_micros(now), of,
                                                  query.before_id, query.limit);
  if (!rows) return rows.error();
  ChallengePage page;
  const bool more = rows->size() > static_cast<std::size_t>(query.limit);
  if (more) rows->pop_back();
  auto views_of = views(*rows);
  if (!views_of) return views_of.error();
  page.challenges = std::move(*views_of);
  if (more) page.next_before_id = page.challenges.back().challenge.id;
  return page;
}

core::Result<ChallengeView> ChallengeService::cancel(std::int64_t id, const auth::Actor& actor) {
  {
    auto write = store::WriteTransaction::begin(store_);
    if (!write) return write.error();
    auto& db = write->connection();
    store::ChallengeRepository challenges(db);
    auto row = challenges.find(id);
    if (!row) return row.error();
    if (!*row) return Error::not_found("no challenge " + std::to_string(id));
    if ((*row)->cancelled_at)
      return Error::conflict("challenge " + std::to_string(id) + " is called off already");
    auto before = stored_challenge(**row);
    if (!before) return before.error();
    const auto now = std::chrono::time_point_cast<std::chrono::microseconds>(clock_.now());
    // Settled when its time has come, whether or not an event has frozen it yet.
    if (now >= before->settles_at()) {
      return Error::conflict("challenge " + std::to_string(id) + " has settled: its result stands");
    }
    auto cancelled = challenges.cancel(id, actor.user_id, core::to_micros(now));
    if (!cancelled) return cancelled.error();
    auto json = challenge_to_json(*before);
    auto after = json;
    after["cancelled_at"] = core::format_rfc3339(now);
    if (auto seq = events_.append(db, actor,
                                  {"challenge.cancelled", "challenge", std::to_string(id),
                                   boost::json::value(std::move(json)),
                                   boost::json::value(std::move(after)), std::nullopt});
        !seq) {
      return seq.error();
    }
    if (auto s = write->commit(); !s) return s.error();
  }
  engine_.wake();
  return get(id);
}

core::Result<ChallengeWhy> ChallengeService::why(std::int64_t id, std::int64_t subject_id) {
  auto view = get(id);
  if (!view) return view.error();
  ChallengeWhy out;
  const auto& participants = view->standing.participants;
  const auto found = std::find_if(participants.begin(), participants.end(),
                                  [&](const auto& p) { return p.subject_id == subject_id; });
  if (found == participants.end()) {
    return Error::invalid("subject_id", std::to_string(subject_id) +
                                            " takes no part in challenge " + std::to_string(id));
  }
  out.participant = static_cast<std::size_t>(found - participants.begin());
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::EventRepository log(**connection);
  auto own = log.of_record("challenge", id);
  if (!own) return own.error();
  out.challenge_events = std::move(*own);
  if (found->reached) {
    auto metric = store::MetricRepository(**connection).find(view->challenge.metric_id);
    if (!metric) return metric.error();
    if (!*metric) return Error::internal("challenge names a missing metric");
    auto stored = metric_of(**metric);
    if (!stored) return stored.error();
    // The record the metric counted, by its source.
    const auto source = stored->definition.source;
    const char* entity = source == engine::MetricSource::visits     ? "visit"
                         : source == engine::MetricSource::imported ? "metric_value"
                         : source == engine::MetricSource::targets  ? "target"
                                                                    : "transaction";
    auto events = log.of_record(entity, found->reached->record_id);
    if (!events) return events.error();
    out.source_events = std::move(*events);
  }
  out.view = std::move(*view);
  return out;
}

core::Result<std::vector<ChallengeResult>> ChallengeService::results_between(core::Timestamp from,
                                                                             core::Timestamp to) {
  // A challenge whose window ended before `from` had its last success then; a few hundred
  // challenges a week is far more than a sales team sets.
  constexpr int kMostChallenges = 1000;
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto rows =
      store::ChallengeRepository(**connection).ending_after(core::to_micros(from), kMostChallenges);
  if (!rows) return rows.error();
  auto found = views(*rows);
  if (!found) return found.error();
  std::vector<ChallengeResult> out;
  for (const auto& v : *found) {
    const auto& c = v.challenge;
    for (std::size_t i = 0; i < v.standing.participants.size(); ++i) {
      const auto& p = v.standing.participants[i];
      if (p.outcome != engine::ChallengeOutcome::completed &&
          p.outcome != engine::ChallengeOutcome::won) {
        continue;
      }
      const auto at = p.reached ? p.reached->at : c.ends_at;
      if (at < from || at >= to) continue;
      out.push_back({c.id, c.name, c.subject, !c.groups.empty(), p.subject_id,
                     i < v.names.size() ? v.names[i] : std::string(), p.outcome, at});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.at < b.at; });
  return out;
}

core::Result<std::vector<ChallengeView>> ChallengeService::views(
    const std::vector<store::ChallengeRow>& rows) {
  std::vector<ChallengeView> out;
  std::vector<std::int64_t> ids;
  for (const auto& row : rows) {
    auto challenge = stored_challenge(row);
    if (!challenge) return challenge.error();
    ChallengeView v;
    v.challenge = std::move(*challenge);
    if (row.cancelled_at) v.cancelled_at = core::from_micros(*row.cancelled_at);
    v.cancelled_by = row.cancelled_by;
    ids.push_back(row.id);
    out.push_back(std::move(v));
  }
  if (out.empty()) return out;
  const auto now = std::chrono::time_point_cast<std::chrono::microseconds>(clock_.now());
  auto standings = engine_.challenges(ids, now);
  if (!standings) return standings.error();
  std::map<engine::SubjectKind, std::map<std::int64_t, std::string>> names;
  std::map<std::int64_t, Metric> metrics;
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto& v = out[i];
    const auto& c = v.challenge;
    if (!(*standings)[i]) {
      return Error::internal("the engine has not read challenge " + std::to_string(c.id));
    }
    v.standing = std::move(*(*standings)[i]);
    if (!metrics.contains(c.metric_id)) {
      auto found = store::MetricRepository(**connection).find(c.metric_id);
      if (!found) return found.error();
      if (!*found) return Error::internal("challenge names a missing metric");
      auto metric = metric_of(**found);
      if (!metric) return metric.error();
      metrics.emplace(c.metric_id, std::move(*metric));
    }
    const auto& metric = metrics.at(c.metric_id);
    v.metric_name = metric.record.name;
    v.amounts = metric.definition.amounts();
    if (!c.groups.empty()) {
      for (const auto& group : c.groups)
        v.names.push_back(group.name);
    } else if (c.subject != engine::SubjectKind::company) {
      if (!names.contains(c.subject)) {
        auto of_kind = engine_.names_of(c.subject);
        if (!of_kind) return of_kind.error();
        names.emplace(c.subject, std::move(*of_kind));
      }
      const auto& known = names.at(c.subject);
      for (const auto id : c.participants) {
        const auto name = known.find(id);
        v.names.push_back(name == known.end() ? "#" + std::to_string(id) : name->second);
      }
    }
    v.state = state_at(v, now);
  }
  return out;
}

}  // namespace laurel::crm
