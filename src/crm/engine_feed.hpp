#pragma once
// Feeds the recognition engine from the event log. The engine knows nothing of JSON
// (ARCHITECTURE.md): this is where the payloads crm writes become its facts — transactions
// (recorded, confirmed, failed, cancelled) and visits (recorded, updated, deleted) as facts,
// products and departments as the reference data metrics filter by, and the metrics themselves
// (metric.created: a metric defined later counts the records before it), and the good-news rules
// (good_news_rule.created) the watches judge, the leaderboards (board.created / .updated /
// .archived), with the campaigns (campaign.created / .updated)
// first orders are of, and the holdings balances (holding.balance_imported / _corrected) that
// with the confirmed trades make the holdings milestones and activations are judged on; for
// points, the points rules' versions (point_rule.created / .changed) and whether each key person
// is a decision maker (key_person.*), with each visit's kind, first recording and attendees; and
// for the flags, every event that is a person's use of a CRM function (crm/flag_set.hpp); for
// badges, their rules (badge_rule.*) and the company calendar (calendar.*) streaks run on; the
// challenges (challenge.created / .cancelled). Each
// event the engine reads is bracketed by the watches' begin/settle, so what they detect is
// stamped with that event's seq and recorded_at. Other events are skipped.

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"
#include "core/work_calendar.hpp"
#include "crm/board_json.hpp"
#include "crm/good_news_rule.hpp"
#include "engine/recognition.hpp"
#include "store/event_repository.hpp"

namespace laurel::crm {

class EngineFeed {
 public:
  explicit EngineFeed(engine::Recognition& engine) : engine_(engine) {}

  // An error names the event (its seq) whose payload could not be read; the fold is unchanged.
  core::Status apply(const store::EventRecord& event);

  // The good-news rules read so far, by id.
  const GoodNewsRule* rule(std::int64_t id) const;
  // Whether a board is for managers only (its visibility, as the log last gave it).
  bool managers_only(std::int64_t board_id) const { return managers_only_.contains(board_id); }
  // A board as the log last defined it (nullptr: never, or archived), and the staff record linked
  // to a user: what the leaderboard routes read instead of the database.
  struct LoggedBoard {
    BoardInput input;
    std::int64_t id = 0;
    std::optional<std::int64_t> created_by;
    std::int64_t created_at = 0;
    std::int64_t updated_at = 0;
    // One of Laurel's own boards: its kind as the log has it ("campaign_achievement", …).
    std::optional<std::string> built_in;
  };
  const LoggedBoard* board(std::int64_t board_id) const {
    const auto it = boards_.find(board_id);
    return it == boards_.end() ? nullptr : &it->second;
  }
  std::optional<std::int64_t> staff_of_user(std::int64_t user_id) const {
    const auto it = staff_of_user_.find(user_id);
    return it == staff_of_user_.end() ? std::nullopt : std::optional(it->second);
  }
  // Whether a person hides from public boards (their staff record, as the log last gave it).
  bool hidden(std::int64_t staff_id) const { return hidden_staff_.contains(staff_id); }
  const std::unordered_set<std::int64_t>& hidden_staff() const { return hidden_staff_; }
  // People who opted out of public celebration (crm/celebration_audience.hpp).
  const std::unordered_set<std::int64_t>& uncelebrated_staff() const { return uncelebrated_staff_; }
  // The name of a person or a department as the log last gave it (what a board's rows show,
  // answered without the database); nullptr when unknown.
  const std::string* name(engine::SubjectKind kind, std::int64_t id) const {
    const auto it = names_.find({kind, id});
    return it == names_.end() ? nullptr : &it->second;
  }
  const std::map<std::pair<engine::SubjectKind, std::int64_t>, std::string>& names() const {
    return names_;
  }

 private:
  // The person whose sign-in recorded `event` used `function` (engine/first_use_book.hpp).
  void note_use(const store::EventRecord& event, std::uint8_t function);
  // Adds a rule read from the log to the watch of its kind; false if the watch refuses it.
  bool add_rule(const GoodNewsRule& rule);

  engine::Recognition& engine_;
  core::WorkCalendar calendar_;  // the company calendar as the log gives it (for streaks)
  std::unordered_map<std::int64_t, GoodNewsRule> rules_;
  std::map<std::pair<engine::SubjectKind, std::int64_t>, std::string> names_;
  std::set<std::int64_t> managers_only_;
  std::unordered_map<std::int64_t, LoggedBoard> boards_;
  std::unordered_map<std::int64_t, std::int64_t> staff_of_user_, user_of_staff_;
  std::unordered_set<std::int64_t> hidden_staff_;
  std::unordered_set<std::int64_t> uncelebrated_staff_;
};

}  // namespace laurel::crm
