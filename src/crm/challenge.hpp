#pragma once
// Challenges as data (engine/challenge_book.hpp for how they are judged), and their one JSON shape
// (the API, the challenges table, the event log):
//
//   {"name": "本周五次关键人拜访", "description": "", "kind": "goal", "metric_id": 12,
//    "period": "2026-W49", "goal": 5, "participants": [3, 4, 9], "grace_days": 3}
//   {"name": "一季度认购对决", "kind": "head_to_head", "metric_id": 7, "period": "2026-Q1",
//    "goal": "100000000.00", "participants": [2, 5]}
//
// The window is one period of the metric's own kind ("2026-W49" for a weekly metric); progress is
// the metric's figure for each participant in it. participants are people or departments — what
// the metric's subject is — 1 to 50 of them (a head-to-head: exactly two); a company metric has
// none: the whole company works towards one goal together. Or, on a metric of people, ad-hoc
// groups instead of participants — {"groups": [{"name": "新人组", "members": [3, 4]}, …]}, 1 to 20
// of them (a head-to-head: two) of 1 to 100 people, each person in one — each group taking part
// as one, its figure the sum of its members' (their standings are numbered 1, 2, … in order).
// goal: an amount (a string of yuan) for
// a metric of amounts, a count otherwise; required but for a head-to-head, which without one goes
// to the higher figure. grace_days (0 to 30, default recognition.grace_days): how long after the
// window records about it still count before the result settles. reward_points (0 to 100,000):
// status and spendable points for each person who completes the goal — paid the moment they
// reach it, taken back if records undo that before it settles — or wins the head-to-head (paid
// when it settles); challenges of departments or the company pay none.
//
// A challenge is never edited once made — people are already working towards it; a manager may
// call it off before it settles (challenge.cancelled) and make a new one: who had completed it
// by then keeps it, and its reward; the others' outcome is cancelled.

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/period.hpp"
#include "engine/challenge_book.hpp"
#include "engine/metric.hpp"

namespace laurel::crm {

enum class ChallengeKind : std::uint8_t { goal, head_to_head };

// An ad-hoc group of people, taking part as one: its figure is the sum of its members'.
struct ChallengeGroup {
  std::string name;
  std::vector<std::int64_t> members;  // staff ids
  friend bool operator==(const ChallengeGroup&, const ChallengeGroup&) = default;
};

struct Challenge {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  ChallengeKind kind = ChallengeKind::goal;
  std::int64_t metric_id = 0;
  core::Period period;
  std::optional<std::int64_t> goal;  // fen or a count
  bool goal_is_amount = false;       // as written: a string of yuan
  std::vector<std::int64_t> participants;
  std::vector<ChallengeGroup> groups;  // instead of participants, on a metric of people
  std::int32_t grace_days = 3;
  bool grace_days_set = false;     // in a request: whether it named grace_days
  std::int64_t reward_points = 0;  // for each person who completes it or wins (people only)
  // Set when it is made, from the metric and the company's zone: what the engine is told.
  engine::SubjectKind subject = engine::SubjectKind::staff;
  core::Timestamp starts_at{};
  core::Timestamp ends_at{};  // the first instant after the window
  std::optional<std::int64_t> created_by;
  core::Timestamp created_at{};

  core::Timestamp settles_at() const { return ends_at + std::chrono::days(grace_days); }
};

std::string_view to_string(ChallengeKind kind);
// company, department, staff, or group (ad-hoc groups of people).
std::string_view subject_text(const Challenge& challenge);

// The request body; errors name the member.
core::Result<Challenge> read_challenge_input(std::string_view body);
// A stored or logged challenge; unknown members are ignored.
core::Result<Challenge> read_challenge(const boost::json::object& o);
boost::json::object challenge_to_json(const Challenge& challenge);
// The goal as the API writes it: a string of yuan, or a count.
boost::json::value figure_to_json(std::int64_t figure, bool amount);
// What the engine judges.
engine::ChallengeDefinition challenge_definition(const Challenge& challenge);

}  // namespace laurel::crm
