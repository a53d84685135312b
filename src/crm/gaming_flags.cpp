#include "crm/gaming_flags.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>
#include <tuple>

#include "core/pinyin.hpp"
#include "core/timestamp.hpp"
#include "store/event_repository.hpp"
#include "store/visit_repository.hpp"

namespace laurel::crm {

using core::Error;

namespace {

namespace json = boost::json;

constexpr int kPageSize = 500;

bool trivial(const store::VisitRecord& v) {
  return v.attendee_ids.empty() && core::utf8_code_points(v.notes).size() < kTrivialNoteChars;
}

core::LocalDate monday_of(core::LocalDate day) {
  const date::sys_days d(day);
  return core::LocalDate(d - (date::weekday(d) - date::Monday));
}

// What a version of a visit says of when it happened, with whom and how: what a record moved
// back and forth moves. Empty when the event has no visit after it (a deletion).
std::string placement_of(const store::EventRecord& event) {
  boost::system::error_code ec;
  const auto payload = json::parse(event.payload, ec);
  if (ec || !payload.is_object()) return {};
  const auto* after = payload.as_object().if_contains("after");
  if (!after || !after->is_object()) return {};
  const auto& v = after->as_object();
  json::object key;
  for (const auto* member : {"occurred_at", "client_id", "kind"}) {
    if (const auto* value = v.if_contains(member)) key[member] = *value;
  }
  return json::serialize(key);
}

// Whether the visit's placement ever came back to one it had left.
bool moved_back(const std::vector<store::EventRecord>& events) {
  std::vector<std::string> placements;
  for (const auto& e : events) {
    if (e.type != "visit.recorded" && e.type != "visit.updated") continue;
    auto p = placement_of(e);
    if (p.empty() || (!placements.empty() && placements.back() == p)) continue;
    if (std::find(placements.begin(), placements.end(), p) != placements.end()) return true;
    placements.push_back(std::move(p));
  }
  return false;
}

}  // namespace

std::string_view to_string(GamingPattern pattern) {
  switch (pattern) {
    case GamingPattern::burst:
      return "burst";
    case GamingPattern::same_client:
      return "same_client";
    case GamingPattern::back_and_forth:
      return "back_and_forth";
  }
  return "burst";
}

core::Result<std::vector<GamingFlag>> GamingFlags::of(core::LocalDate from, core::LocalDate to,
                                                      const auth::Principal& caller) {
  if (to < from) return Error::invalid("to", "must not be before from");
  const auto days = (date::sys_days(to) - date::sys_days(from)).count() + 1;
  if (days > kMaxGamingWindowDays) {
    return Error::invalid("to", "the flags look at most " + std::to_string(kMaxGamingWindowDays) +
                                    " days at a time; this window has " + std::to_string(days));
  }
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto names = engine_.names_of(engine::SubjectKind::staff);
  if (!names) return names.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto& db = **connection;

  // Every visit of the window the caller may see, and each of its people they manage.
  std::vector<store::VisitRecord> visits;
  store::VisitFilter filter;
  filter.from = core::to_micros(zone_.start_of(from));
  filter.to = core::to_micros(zone_.start_of(core::LocalDate(date::sys_days(to) + date::days(1))));
  filter.limit = kPageSize;
  store::VisitRepository repository(db);
  for (;;) {
    auto page = repository.list(filter, caller.user_id, scope->records());
    if (!page) return page.error();
    const bool more = page->size() > static_cast<std::size_t>(kPageSize);
    if (more) page->pop_back();
    for (auto& v : *page)
      visits.push_back(std::move(v));
    if (!more) break;
    filter.after_id = visits.back().id;
  }
  const auto managed = [&](const store::VisitStaff& s) {
    return scope->everything ||
           (s.department_id && std::find(scope->department_ids.begin(), scope->department_ids.end(),
                                         *s.department_id) != scope->department_ids.end());
  };
  std::map<std::int64_t, std::vector<const store::VisitRecord*>> by_person;
  for (const auto& v : visits) {
    for (const auto& s : v.staff) {
      if (managed(s)) by_person[s.staff_id].push_back(&v);
    }
  }
  const auto day_of = [&](const store::VisitRecord& v) {
    return zone_.date_of(core::from_micros(v.occurred_at));
  };

  std::vector<GamingFlag> out;
  for (auto& [staff, theirs] : by_person) {
    std::sort(theirs.begin(), theirs.end(), [](const auto* a, const auto* b) {
      return std::tie(a->occurred_at, a->id) < std::tie(b->occurred_at, b->id);
    });
    const auto flag = [&](GamingPattern pattern, core::LocalDate day,
                          std::optional<std::int64_t> client) -> GamingFlag& {
      const auto name = names->find(staff);
      return out.emplace_back(GamingFlag{
          pattern, staff, name == names->end() ? std::string() : name->second, day, client, {}});
    };

    // Bursts: the longest runs of trivial visits within kBurstMinutes of the run's first.
    std::vector<const store::VisitRecord*> small;
    std::copy_if(theirs.begin(), theirs.end(), std::back_inserter(small),
                 [](const auto* v) { return trivial(*v); });
    const auto span =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::minutes(kBurstMinutes))
            .count();
    for (std::size_t i = 0; i < small.size();) {
      std::size_t j = i;
      while (j + 1 < small.size() && small[j + 1]->occurred_at - small[i]->occurred_at <= span)
        ++j;
      if (j - i + 1 >= static_cast<std::size_t>(kBurstVisits)) {
        auto& f = flag(GamingPattern::burst, day_of(*small[i]), std::nullopt);
        for (auto k = i; k <= j; ++k)
          f.visit_ids.push_back(small[k]->id);
        i = j + 1;
      } else {
        ++i;
      }
    }

    // The same client again and again in a week.
    std::map<std::pair<std::int64_t, date::sys_days>, std::vector<std::int64_t>> weeks;
    for (const auto* v : theirs)
      weeks[{v->client_id, date::sys_days(monday_of(day_of(*v)))}].push_back(v->id);
    for (auto& [key, ids] : weeks) {
      if (ids.size() < static_cast<std::size_t>(kSameClientVisits)) continue;
      flag(GamingPattern::same_client, core::LocalDate(key.second), key.first).visit_ids =
          std::move(ids);
    }

    // Records moved and moved back.
    for (const auto* v : theirs) {
      if (v->updated_at == v->created_at) continue;  // never edited
      auto events = store::EventRepository(db).of_record("visit", v->id);
      if (!events) return events.error();
      if (moved_back(*events)) {
        flag(GamingPattern::back_and_forth, day_of(*v), v->client_id).visit_ids = {v->id};
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const GamingFlag& a, const GamingFlag& b) {
    return std::tie(a.name, a.staff_id, a.day, a.pattern) <
           std::tie(b.name, b.staff_id, b.day, b.pattern);
  });
  return out;
}

}  // namespace laurel::crm
