#pragma once
// Challenges (PRODUCT.md, gamification): a goal on a metric within one of its periods — "5
// key-person visits this week" for each of three people, "the department reaches 1亿 of
// subscription this quarter", the whole company together (a company metric: one co-op bar) — or a
// head-to-head between two people or two departments.
//
// Progress is the metric's figure for the participant in the window's period, counting every
// record in effect, late ones too (ARCHITECTURE.md, time rules: metrics have no cut-off). A goal is
// reached at the moment the running figure first got there on the occurred_at timeline (the
// threshold watch's crossing), so the same records in any order reach it at the same moment.
//
// A challenge settles `grace` after its window ends: records about the window entered within the
// grace still count (a Friday visit logged on Monday), and what stands then is its result, for
// good — a record entered later, or a cancellation, still moves the metric but no longer the
// result. The result is frozen by the first event recorded after that time, from the state
// before it; until some event comes, reading it at any later time gives what freezing would.
//
// Outcomes for each participant: a goal — completed once reached (live: a cancellation before
// the challenge settles takes it back), in progress while the window lasts, failed after. A
// head-to-head — the first to reach the goal wins (the earlier crossing; with no goal, or neither
// reaching it, the higher figure when the window ends wins; equal figures draw).
//
// Not thread-safe; one per engine, bracketed by begin / settle like the watches.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "engine/threshold_watch.hpp"

namespace laurel::engine {

struct ChallengeDefinition {
  std::int64_t id = 0;
  std::int64_t metric_id = 0;
  core::Period period;                    // the window: one period of the metric's kind
  std::vector<std::int64_t> subject_ids;  // the participants (the company: 0)
  std::optional<std::int64_t> goal;       // in the metric's units; a head-to-head may have none
  bool head_to_head = false;              // then exactly two participants
  core::Timestamp ends_at{};              // the first instant after the window, company zone
  std::chrono::seconds grace{std::chrono::hours(72)};
  core::Timestamp settles_at() const { return ends_at + grace; }
};

enum class ChallengeOutcome : std::uint8_t {
  in_progress,
  completed,
  failed,
  won,
  lost,
  drawn,
  cancelled
};

struct ParticipantStanding {
  std::int64_t subject_id = 0;
  std::int64_t figure = 0;        // the metric's figure in the window
  std::optional<Moment> reached;  // when the goal was reached
  ChallengeOutcome outcome = ChallengeOutcome::in_progress;
  bool leading = false;  // a head-to-head: ahead (or the winner)
  friend bool operator==(const ParticipantStanding&, const ParticipantStanding&) = default;
};

struct ChallengeStanding {
  std::int64_t id = 0;
  bool settled = false;
  std::int64_t settled_seq = 0;                   // the event that froze it (0: not frozen yet)
  std::vector<ParticipantStanding> participants;  // in the definition's order
  friend bool operator==(const ChallengeStanding&, const ChallengeStanding&) = default;
};

class ChallengeBook {
 public:
  explicit ChallengeBook(MetricFold& fold) : fold_(fold), watch_(fold) {}

  // Freezes every challenge due to settle before `event` was recorded, from the state before it.
  void begin(EventContext event);
  void settle() { watch_.settle(); }

  // False (and nothing changes) when the metric is not in the fold, the id is taken, or a
  // head-to-head has not exactly two participants.
  bool add(ChallengeDefinition challenge);
  // Called off: the standing says cancelled for everyone; a settled challenge stays settled.
  void cancel(std::int64_t id);
  bool has(std::int64_t id) const { return challenges_.contains(id); }

  // Where a challenge stands at `now` (frozen once settled); nullopt for an unknown id.
  std::optional<ChallengeStanding> standing(std::int64_t id, core::Timestamp now) const;

 private:
  struct Entry {
    ChallengeDefinition definition;
    bool cancelled = false;
    std::optional<ChallengeStanding> frozen;
  };
  ChallengeStanding judge(const Entry& entry, core::Timestamp now) const;

  MetricFold& fold_;
  ThresholdWatch watch_;  // the goals, one threshold rule per challenge
  std::map<std::int64_t, Entry> challenges_;
  std::set<std::pair<core::Timestamp, std::int64_t>> due_;  // settles_at, id: not frozen yet
};

std::string_view to_string(ChallengeOutcome outcome);

}  // namespace laurel::engine
