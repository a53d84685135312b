#pragma once
// Badges for activity (PRODUCT.md, gamification): a milestone — a person's Nth visit of a kind,
// all time ("the 100th visit") — a streak — visits on N working days in a row — and relationship
// depth — N different key people, or decision makers, of one client met. Each is a pure
// function of the visits in effect laid out on the occurred_at timeline (ties by visit id),
// never of the order they arrived in, and counts only activity recorded within the rule's grace
// window of when it occurred (ARCHITECTURE.md, time rules: backfilling a month does not farm
// badges; the visits still count for every figure).
//
// A badge holds while its records do: a deletion that takes a milestone's count below N, or
// breaks the only run of N days, takes it back ("no longer holds"); a later visit that brings it
// back earns it again, from that visit. What arrival order decides is only when a change is seen.
//
// Streak days are company days in the company's zone (a daylight-saving change never splits or
// doubles one) that are working days on the company calendar: a weekend or a public holiday
// between two working days with visits neither breaks the run nor extends it, and a visit on a
// day off counts for nothing. A calendar change judges every streak again.
//
// Not thread-safe; one per engine, bracketed by begin / settle like the watches.

#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/work_calendar.hpp"
#include "engine/points_book.hpp"

namespace laurel::engine {

// depth: relationship depth — N different key people (or, with decision_maker_reached, decision
// makers) of one client met in timely visits ("three decision makers met").
enum class BadgeKind : std::uint8_t { milestone, streak, depth };

struct BadgeRule {
  std::int64_t id = 0;
  BadgeKind kind = BadgeKind::milestone;
  // visit_logged, key_person_met or decision_maker_reached (not subscription).
  PointsEvent event = PointsEvent::visit_logged;
  std::uint8_t visit_kinds = 0;  // a bit per kind (engine/points_rule.hpp); 0: every kind
  std::int32_t count = 1;        // the Nth visit, N working days, or N people of one client
  std::int32_t grace_days = 3;
};

struct BadgeKey {
  std::int64_t rule_id = 0;
  std::int64_t staff_id = 0;
  friend auto operator<=>(const BadgeKey&, const BadgeKey&) = default;
};

// Where a badge stands: earned by the visit that made it true (the Nth one, or the first visit of
// the run's Nth day), at that visit's occurred_at.
struct BadgeState {
  bool holds = false;
  std::int64_t visit_id = 0;
  core::Timestamp earned_at{};
  friend bool operator==(const BadgeState&, const BadgeState&) = default;
};

struct BadgeChange {
  BadgeKey key;
  BadgeState state;      // holds false: taken back
  std::int64_t seq = 0;  // the event that made the change
  core::Timestamp at{};  // and when it was recorded
};

class BadgeBook {
 public:
  explicit BadgeBook(core::CompanyZone zone) : zone_(zone) {}

  void begin(EventContext event) { event_ = event; }
  // Judges again every rule for every person the event touched.
  void settle();

  // A new rule, or a new version of one: judged again for everyone. False for a subscription
  // event or a count below 1.
  bool set_rule(const BadgeRule& rule);
  // A visit's new version (or its deletion: in_effect false).
  void apply(const VisitActivity& visit);
  // Whether a key person is a decision maker: who met one may change.
  void set_decision_maker(std::int64_t key_person_id, bool decision_maker);
  // The company calendar changed: every streak is judged again.
  void set_calendar(core::WorkCalendar calendar);

  std::vector<BadgeChange> take_changes() { return std::exchange(changes_, {}); }
  std::optional<BadgeState> state(const BadgeKey& key) const;
  // How far the person is along a rule: their timely visits of its event (milestone), their
  // longest run of working days with one (streak), or the most people they met of one client
  // (depth); 0 for an unknown rule.
  std::int32_t progress(const BadgeKey& key) const;
  // Every badge judged so far (held or taken back), by rule and person.
  const std::map<BadgeKey, BadgeState>& states() const { return states_; }

 private:
  bool qualifies(const BadgeRule& rule, const VisitActivity& visit) const;
  using TimelineKey = std::pair<core::Timestamp, std::int64_t>;  // occurred_at, visit id
  // Calls `f` with each of the person's visits after `after` (all with none) that count for the
  // rule, in timeline order, until it returns false; gives the last key it passed.
  template <class F>
  std::optional<TimelineKey> for_each_counted(const BadgeRule& rule, std::int64_t staff_id,
                                              std::optional<TimelineKey> after, F&& f) const;
  // A walk along a person's timeline for one rule: where it stopped and what it found, so that
  // visits added after everything already walked are judged from there (the common case: visits
  // arrive in the order they occur), and anything else from the start.
  struct Scan {
    std::optional<BadgeState> earned;
    std::int32_t progress = 0;  // milestone: visits counted; streak: the longest run; depth: the
                                // most people met of one client
    std::int32_t run = 0;       // streak: the run ending at `previous`
    date::sys_days previous{};
    std::map<std::int64_t, std::set<std::int64_t>> met;  // depth: by client, who was met
    std::optional<TimelineKey> last;                     // the last visit walked
  };
  // Goes on from `from` until the badge is earned (or, `to_the_end`, to the timeline's end).
  Scan scan(const BadgeRule& rule, std::int64_t staff_id, bool to_the_end, Scan from) const;
  void judge_again(const BadgeRule& rule, std::int64_t staff_id, bool afresh);

  core::CompanyZone zone_;
  core::WorkCalendar calendar_;
  EventContext event_;
  std::map<std::int64_t, BadgeRule> rules_;
  std::unordered_map<std::int64_t, VisitActivity> visits_;  // in effect, by id
  // By person, in occurred_at order: the timeline a badge is judged on.
  // (Pointers into visits_, whose nodes stay put.)
  std::unordered_map<std::int64_t,
                     std::map<std::pair<core::Timestamp, std::int64_t>, const VisitActivity*>>
      visits_of_;
  std::unordered_map<std::int64_t, std::set<std::int64_t>> visits_with_;  // by key person
  std::unordered_set<std::int64_t> decision_makers_;
  std::map<BadgeKey, BadgeState> states_;
  std::map<BadgeKey, Scan> scans_;
  std::set<std::int64_t> touched_;  // people to judge again at settle
  std::set<std::int64_t> rescan_;   // of them, those whose timeline changed other than at its end
  bool touch_everyone_ = false;
  std::vector<BadgeChange> changes_;
};

}  // namespace laurel::engine
