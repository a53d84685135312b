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
// the challenge settles takes it back, with its reward), in progress while the window lasts,
// failed after. A
// head-to-head — the first to reach the goal wins (the earlier crossing; with no goal, or neither
// reaching it, the higher figure when the window ends wins; equal figures draw).
//
// Not thread-safe; one per engine, bracketed by begin / settle like the watches.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/cell_timeline.hpp"
#include "engine/threshold_watch.hpp"

namespace laurel::engine {

struct ChallengeDefinition {
  std::int64_t id = 0;
  std::int64_t metric_id = 0;
  core::Period period;                    // the window: one period of the metric's kind
  std::vector<std::int64_t> subject_ids;  // the participants (the company: 0; groups: 1…n)
  // Ad-hoc groups of people on a metric of people: each group a participant whose figure is the
  // sum of its members' (each person in one group at most); subject_ids numbers them.
  std::vector<std::vector<std::int64_t>> groups;
  std::optional<std::int64_t> goal;  // in the metric's units; a head-to-head may have none
  bool head_to_head = false;         // then exactly two participants
  core::Timestamp ends_at{};         // the first instant after the window, company zone
  std::chrono::seconds grace{std::chrono::hours(72)};
  bool people = false;  // the participants are people (staff), who can be paid a reward
  // Points (status and spendable) for each person who completes the goal or wins.
  std::int64_t reward_points = 0;
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

// A change to the reward a person is paid for a challenge: a goal's when it is reached (and
// taken back when a cancellation or a correction undoes that before the challenge settles), a
// head-to-head's to its winner when it settles. What stands when it settles, or is called off,
// stays paid.
struct ChallengeReward {
  std::int64_t challenge_id = 0;
  std::int64_t staff_id = 0;
  std::int64_t points = 0;        // paid now (0: taken back)
  std::int64_t delta = 0;         // paid now less paid before
  core::Timestamp occurred_at{};  // when it was earned: the goal reached, or the window's end
  std::int64_t seq = 0;           // the event that made the change
  core::Timestamp at{};           // and when that event was recorded
};

class ChallengeBook final : public FoldObserver {
 public:
  explicit ChallengeBook(MetricFold& fold) : fold_(fold), watch_(fold) {}

  // Freezes every challenge due to settle before `event` was recorded, from the state before it.
  void begin(EventContext event);
  // Judges the goals the event moved, and what they pay.
  void settle();

  // False (and nothing changes) when the metric is not in the fold, the id is taken, a
  // head-to-head has not exactly two participants, or a person is in two of its groups.
  bool add(ChallengeDefinition challenge);
  // Called off, from the event being folded on: who had completed the goal keeps it (and its
  // reward), the others are cancelled; nothing moves it afterwards. A settled challenge stays
  // settled.
  void cancel(std::int64_t id);
  bool has(std::int64_t id) const { return challenges_.contains(id); }

  // Where a challenge stands at `now` (frozen once settled); nullopt for an unknown id.
  std::optional<ChallengeStanding> standing(std::int64_t id, core::Timestamp now) const;

  std::vector<ChallengeReward> take_rewards() { return std::exchange(rewards_, {}); }

  // The groups' figures, from the metrics of their challenges.
  void reset(std::int64_t metric_id) override;
  void contributed(const Contribution& contribution) override;
  // Every reward paid now (points > 0): `f(challenge_id, staff_id, points)`.
  template <class F>
  void for_each_reward(F&& f) const {
    for (const auto& [key, paid] : paid_) {
      if (paid > 0) f(key.first, key.second, paid);
    }
  }

 private:
  struct Entry {
    ChallengeDefinition definition;
    bool cancelled = false;
    std::optional<ChallengeStanding> frozen;
  };
  ChallengeStanding judge(const Entry& entry, core::Timestamp now) const;
  bool add_groups(ChallengeDefinition challenge);
  void freeze(Entry& entry, core::Timestamp at);
  // A group's goal reached or not, after the event moved its figure.
  void judge_group(const Entry& entry, std::size_t group);
  // What `staff_id` is paid for the challenge from now on, earned at `earned`.
  void pay(const Entry& entry, std::int64_t staff_id, std::int64_t points, core::Timestamp earned);

  MetricFold& fold_;
  EventContext event_;
  ThresholdWatch watch_;  // the goals, one threshold rule per challenge
  std::map<std::int64_t, Entry> challenges_;
  std::set<std::pair<core::Timestamp, std::int64_t>> due_;  // settles_at, id: not frozen yet
  std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> paid_;  // (challenge, person)
  // Groups: (challenge, group index). Each group's contributions on the occurred_at timeline —
  // a record counted for two members twice, as the sum of their figures has it (the moment's
  // record id made distinct per member: record_id * kGroupSlots + member index).
  using GroupKey = std::pair<std::int64_t, std::size_t>;
  static constexpr std::int64_t kGroupSlots = 128;  // more members than a group may have
  struct Member {
    GroupKey group;
    std::int64_t slot = 0;  // the member's index in the group
  };
  std::unordered_map<std::int64_t, std::unordered_map<std::int64_t, std::vector<Member>>>
      members_;  // by metric, by person
  std::map<GroupKey, CellTimeline> group_cells_;
  std::map<GroupKey, Moment> group_reached_;  // the goal's crossing, record id as stored
  std::set<GroupKey> touched_groups_;
  std::vector<ChallengeReward> rewards_;
};

std::string_view to_string(ChallengeOutcome outcome);

}  // namespace laurel::engine
