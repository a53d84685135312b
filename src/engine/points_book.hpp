#pragma once
// Who earned which points for what: the points rules (engine/points_rule.hpp) applied to the
// visits and trades in effect, as a pure function of those records laid out on the occurred_at
// timeline — never of the order they arrived in (ARCHITECTURE.md, time rules). What arrival
// order decides is only when a change to an award is seen, and so at which event the ledger
// posts it.
//
// An award is one person's points from one record under one rule. It is worked out per person
// and ISO week, in occurred_at order (ties by record), so that:
//   - activity recorded more than the rule's grace_days after it occurred earns nothing (cut
//     "late");
//   - with once_per_client_per_day, only the first activity with a client on a company day earns;
//   - a daily cap pays min(cap, earned) for the company day, a weekly cap for the week: what
//     comes later in the day (or week) is cut first.
// A record edited, deleted, confirmed or cancelled is worked out again with every other record
// of its person's week, and every award that moves is a change: a delta the ledger posts (a
// correction reverses in full what no longer holds). A rule's new version, or a key person
// becoming a decision maker, works out again what it touches.
//
// Not thread-safe; one per engine, bracketed by begin / settle like the watches.

#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/local_date.hpp"
#include "engine/facts.hpp"
#include "engine/points_rule.hpp"
#include "engine/threshold_watch.hpp"

namespace laurel::engine {

// What an award is for: a visit (also its follow-up), a trade, or a first use of a CRM function.
// challenge: a challenge's reward (engine/challenge_book.hpp), paid by no points rule.
enum class SourceKind : std::uint8_t { visit, trade, first_use, challenge };

// A first use's source id: the seq of the event of the use and the function's index (one event
// can be the first use of two functions). First uses are kept for good, so it never moves.
constexpr std::int64_t kFirstUseSlots = 32;  // more than crm's functions
constexpr std::int64_t first_use_source(std::int64_t seq, std::uint8_t function) {
  return seq * kFirstUseSlots + function;
}
constexpr std::int64_t first_use_seq(std::int64_t source_id) {
  return source_id / kFirstUseSlots;
}

struct SourceKey {
  SourceKind kind = SourceKind::visit;
  std::int64_t id = 0;
  friend auto operator<=>(const SourceKey&, const SourceKey&) = default;
};

// A visit as points see it: its kind (index into crm's visit kinds), when it occurred and was
// first recorded, who logged it, which key people attended, and its follow-up: the company day
// it is due and when it was marked done (a follow-up done by the end of its day earns, as an
// activity of its own at the moment it was done — marking it done records it then, so it is
// never late).
struct VisitActivity {
  std::int64_t id = 0;
  core::Timestamp occurred_at{};
  core::Timestamp recorded_at{};
  std::int64_t client_id = 0;
  std::uint8_t kind = 0;
  std::vector<std::int64_t> staff_ids;
  std::vector<std::int64_t> attendee_ids;
  std::optional<date::sys_days> follow_up_date;
  std::optional<core::Timestamp> follow_up_done_at;
  bool in_effect = true;
};

// Why an award pays less than its rule's points (none: it pays them all).
enum class AwardCut : std::uint8_t { none, late, cooldown, daily_cap, weekly_cap };

struct AwardKey {
  std::int64_t rule_id = 0;
  std::int64_t staff_id = 0;
  SourceKey source;
  friend auto operator<=>(const AwardKey&, const AwardKey&) = default;
};

struct Award {
  AwardKey key;
  std::int32_t version = 0;  // the rule's version that applied
  core::Timestamp occurred_at{};
  date::sys_days day{};  // the company day it occurred on
  std::int64_t client_id = 0;
  std::int64_t base = 0;  // what the rule gives the activity before the limits
  std::int64_t paid = 0;  // what it pays, 0 <= paid <= base
  AwardCut cut = AwardCut::none;
};

// A change to what an award pays, seen while folding one event.
struct AwardChange {
  Award award;             // as it is now (paid 0 once its record no longer earns)
  std::int64_t delta = 0;  // paid now less paid before: negative for a reversal
  std::int64_t seq = 0;    // the event that made the change
  core::Timestamp at{};    // and when that event was recorded
};

class PointsBook {
 public:
  explicit PointsBook(core::CompanyZone zone) : days_(zone) {}

  void begin(EventContext event) { event_ = event; }
  // Works out again what the event touched and keeps the changes for take_changes().
  void settle();

  // A rule's first version, or its next (version = the last one + 1); false otherwise.
  bool set_rule(PointsRule version);
  // The latest version of each rule, by id.
  const std::vector<PointsRule>* versions(std::int64_t rule_id) const;

  void apply(const VisitActivity& visit);
  // A trade's new version: subscriptions and purchases in effect earn for each credit.
  void apply(const TradeFact& trade, core::Timestamp recorded_at);
  // A person's first use of a CRM function, recorded at `at` by the event `seq`.
  void apply_first_use(std::int64_t staff_id, std::int64_t seq, std::uint8_t function,
                       core::Timestamp at);
  // Whether a key person is a decision maker (their influence, as last recorded).
  void set_decision_maker(std::int64_t key_person_id, bool decision_maker);

  std::vector<AwardChange> take_changes() { return std::exchange(changes_, {}); }
  const Award* award(const AwardKey& key) const;
  // Every award that pays or was cut, in no particular order.
  template <class F>
  void for_each_award(F&& f) const {
    for (const auto& [key, awards] : week_awards_) {
      for (const auto& a : awards)
        f(a);
    }
  }

  // What a draft rule would have awarded for activity that occurred in [from, to), against what
  // its current version (the rule with the draft's id, if any) awarded there: per person.
  struct PreviewRow {
    std::int64_t staff_id = 0;
    std::int64_t awards = 0;   // activities that would pay
    std::int64_t points = 0;   // what they would pay
    std::int64_t current = 0;  // what the current rule pays for the same window
  };
  std::vector<PreviewRow> preview(const PointsRule& draft, core::Timestamp from,
                                  core::Timestamp to) const;

 private:
  // One person's share of one record: what the rules judge.
  struct Activity {
    SourceKey source;
    std::int64_t staff_id = 0;
    std::int64_t client_id = 0;
    core::Timestamp occurred_at{};
    core::Timestamp recorded_at{};
    date::sys_days day{};
    std::uint8_t visit_kind = 0;
    bool follow_up = false;  // a visit's follow-up done on time, not the visit itself
    bool key_person = false;
    bool decision_maker = false;
    std::int64_t amount_fen = 0;    // trades: the whole subscription
    std::int64_t credited_fen = 0;  // trades: this person's share of it
  };
  using Week = std::pair<std::int64_t, std::int32_t>;  // staff, ISO week index
  struct WeekHash {
    std::size_t operator()(const Week& w) const {
      return std::hash<std::int64_t>()(w.first * 100'003 + w.second);
    }
  };
  struct RuleWeekHash {
    std::size_t operator()(const std::pair<Week, std::int64_t>& k) const {
      return WeekHash()(k.first) * 31 + std::hash<std::int64_t>()(k.second);
    }
  };
  // Where a record's activities are: whose week, and when in it.
  struct Placed {
    Week week;
    core::Timestamp occurred_at{};
  };
  // A week to work out again: the kinds of record that changed in it (a bit per SourceKind: a
  // trade changes nothing a visit rule pays, and the other way round) and the earliest moment
  // that changed — what comes before it in the week pays as it did.
  struct Dirty {
    std::uint8_t kinds = 0;
    core::Timestamp from = core::Timestamp::max();
  };

  void replace(SourceKey source, std::vector<Activity> activities);
  void mark(const Week& week, SourceKind kind, core::Timestamp at);
  void add_visit_activities(const VisitActivity& visit, std::vector<Activity>& out);
  static Week week_of(const Activity& a);
  // The version of a rule that applies at an instant, or nullptr (before the first, disabled,
  // past its valid_until).
  static const PointsRule* version_at(const std::vector<PointsRule>& versions, core::Timestamp t);
  static std::int64_t base_points(const PointsRule& rule, const Activity& a);
  // The kind of record a rule's event is about, as a Dirty::kinds bit.
  static std::uint8_t source_bit(const std::vector<PointsRule>& versions);
  // The awards of one rule over one person's week (its activities in occurred_at order), worked
  // out again from `from` on: `awards` holds the week's awards so far and is left holding them
  // as they are now; those it held from `from` on are moved to `replaced`.
  template <class VersionOf>
  static void work_out(std::int64_t rule_id, const std::vector<Activity>& items,
                       VersionOf version_of, core::Timestamp from, std::vector<Award>& awards,
                       std::vector<Award>& replaced);

  core::ZoneDays days_;
  EventContext event_;
  std::map<std::int64_t, std::vector<PointsRule>> rules_;
  struct SourceHash {
    std::size_t operator()(const SourceKey& k) const {
      return std::hash<std::int64_t>()(k.id * 2 + static_cast<std::int64_t>(k.kind));
    }
  };
  std::unordered_map<SourceKey, std::vector<Placed>, SourceHash> placed_;
  std::unordered_map<std::int64_t, VisitActivity>
      visits_;  // for decision makers named after the visit
  std::unordered_map<std::int64_t, std::unordered_set<std::int64_t>> visits_of_attendee_;
  std::unordered_set<std::int64_t> decision_makers_;
  // Each person's week of activity, in (occurred_at, record) order.
  std::unordered_map<Week, std::vector<Activity>, WeekHash> weeks_;
  std::map<Week, Dirty> dirty_;
  bool all_dirty_ = false;
  // Each rule's awards over each person's week, in the order of the week's activities.
  std::unordered_map<std::pair<Week, std::int64_t>, std::vector<Award>, RuleWeekHash> week_awards_;
  std::vector<AwardChange> changes_;
};

std::string_view to_string(AwardCut cut);

}  // namespace laurel::engine
