#include "crm/reach_service.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>

#include "core/timestamp.hpp"
#include "crm/visit_service.hpp"
#include "store/client_repository.hpp"
#include "store/coverage_repository.hpp"
#include "store/key_person_repository.hpp"
#include "store/staff_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

core::Result<ClientReach> reach_of(store::Connection& db, std::int64_t client_id,
                                   std::string client_name, core::LocalDate as_of) {
  auto people = store::KeyPersonRepository(db).of_client(client_id);
  if (!people) return people.error();
  auto attendances =
      store::VisitRepository(db).attendances_of_client(client_id, core::format_date(as_of));
  if (!attendances) return attendances.error();
  return ClientReach{client_id, std::move(client_name),
                     key_person_stats(*people, *attendances, as_of)};
}

boost::json::object person_json(const PersonStats& s) {
  boost::json::value last = nullptr;
  if (s.last_visit) {
    last = boost::json::object{
        {"visit_id", s.last_visit->visit_id},
        {"occurred_at", core::format_rfc3339(core::from_micros(s.last_visit->occurred_at))},
        {"occurred_date", s.last_visit->occurred_date},
        {"staff_ids", boost::json::value_from(s.last_visit->staff_ids)}};
  }
  const auto& p = s.person;
  return {{"key_person_id", p.id},
          {"name", p.name},
          {"decision_role", p.decision_role},
          {"influence", p.influence},
          {"active", p.active && !p.erased_at},
          {"touch_frequency_days", p.touch_frequency_days.value_or(kDefaultTouchFrequencyDays)},
          {"visits_30", s.visits_30},
          {"visits_90", s.visits_90},
          {"visits_365", s.visits_365},
          {"last_visit", std::move(last)},
          {"days_since_last_visit", s.days_since_last_visit
                                        ? boost::json::value(*s.days_since_last_visit)
                                        : boost::json::value(nullptr)},
          {"overdue", s.overdue}};
}

}  // namespace

boost::json::object client_reach_to_json(const ClientReach& reach) {
  boost::json::array people, roles;
  for (const auto& s : reach.stats.people)
    people.push_back(person_json(s));
  for (const auto& r : reach.stats.roles) {
    roles.push_back({{"decision_role", r.decision_role},
                     {"people", r.people},
                     {"reached_90", r.reached_90},
                     {"covered", r.covered}});
  }
  return {{"client_id", reach.client_id},
          {"client_name", reach.client_name},
          {"as_of", reach.stats.as_of},
          {"people", std::move(people)},
          {"role_coverage", std::move(roles)},
          {"overdue_decision_makers", boost::json::value_from(reach.stats.overdue_decision_makers)},
          {"score", reach.stats.score}};
}

boost::json::object my_day_to_json(const MyDay& day) {
  boost::json::array follow_ups, overdue, clients, recent;
  for (const auto& v : day.follow_ups) {
    auto item = visit_to_json(v);
    item["overdue"] = v.follow_up_date && *v.follow_up_date < day.today;
    follow_ups.push_back(std::move(item));
  }
  for (const auto& c : day.clients) {
    for (const auto& s : c.stats.people) {
      if (!s.overdue) continue;
      auto item = person_json(s);
      item["client_id"] = c.client_id;
      item["client_name"] = c.client_name;
      overdue.push_back(std::move(item));
    }
    clients.push_back({{"client_id", c.client_id},
                       {"client_name", c.client_name},
                       {"overdue_decision_makers", c.stats.overdue_decision_makers.size()},
                       {"score", c.stats.score}});
  }
  for (const auto& r : day.recent_clients)
    recent.push_back({{"client_id", r.client_id},
                      {"client_name", r.client_name},
                      {"last_visit_date", r.last_visit_date}});
  return {{"today", day.today},
          {"staff_id", day.staff_id},
          {"follow_ups", std::move(follow_ups)},
          {"overdue_decision_makers", std::move(overdue)},
          {"clients", std::move(clients)},
          {"recent_clients", std::move(recent)}};
}

core::Result<ClientReach> ReachService::for_client(std::int64_t client_id,
                                                   std::optional<core::LocalDate> as_of) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto client = store::ClientRepository(**connection).find(client_id);
  if (!client) return client.error();
  if (!*client) return Error::not_found("no client " + std::to_string(client_id));
  return reach_of(**connection, client_id, (*client)->name,
                  as_of.value_or(zone_.date_of(clock_.now())));
}

core::Result<MyDay> ReachService::my_day(const auth::Principal& caller) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto& db = **connection;
  auto me = store::StaffRepository(db).find_by_user(caller.user_id);
  if (!me) return me.error();
  if (!*me) return Error::not_found("you have no staff record: \"my day\" is a salesperson's");
  const auto today = zone_.date_of(clock_.now());
  MyDay day;
  day.today = core::format_date(today);
  day.staff_id = (*me)->id;

  store::VisitFilter due;
  due.staff_id = day.staff_id;
  due.follow_up_due_by = core::format_date(
      date::year_month_day(date::sys_days(today) + date::days(kFollowUpHorizonDays)));
  due.limit = 200;
  store::RecordScope everything{true, {}, "[]", day.today};
  auto follow_ups = store::VisitRepository(db).list(due, caller.user_id, everything);
  if (!follow_ups) return follow_ups.error();
  if (follow_ups->size() > static_cast<std::size_t>(due.limit)) follow_ups->pop_back();
  day.follow_ups = std::move(*follow_ups);
  std::stable_sort(day.follow_ups.begin(), day.follow_ups.end(), [](const auto& a, const auto& b) {
    return a.follow_up_date < b.follow_up_date;
  });

  auto covered = store::CoverageRepository(db).clients_of(day.staff_id, day.today);
  if (!covered) return covered.error();
  for (const auto& c : *covered) {
    auto reach = reach_of(db, c.client_id, c.client_name, today);
    if (!reach) return reach.error();
    day.clients.push_back(std::move(*reach));
  }
  std::stable_sort(day.clients.begin(), day.clients.end(), [](const auto& a, const auto& b) {
    const auto overdue_a = a.stats.overdue_decision_makers.size();
    const auto overdue_b = b.stats.overdue_decision_makers.size();
    if (overdue_a != overdue_b) return overdue_a > overdue_b;
    return a.stats.score < b.stats.score;
  });

  auto recent = store::VisitRepository(db).recent_clients(day.staff_id, kRecentClients);
  if (!recent) return recent.error();
  day.recent_clients = std::move(*recent);
  return day;
}

}  // namespace laurel::crm
