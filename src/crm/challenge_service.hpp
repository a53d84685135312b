#pragma once
// Challenges (crm/challenge.hpp): managers and admins set them and may call them off before they
// settle; everyone reads them, with where each participant stands now — the engine's judgement
// (engine/challenge_book.hpp), the metric's live figure until the challenge settles, its result
// after. Each is recorded in the event log (challenge.created, challenge.cancelled), which is how
// the engine learns of it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "core/local_date.hpp"
#include "crm/challenge.hpp"
#include "crm/engine_service.hpp"
#include "crm/event_log.hpp"
#include "store/challenge_repository.hpp"
#include "store/event_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

// Where a challenge is in its life at a moment: open while its window lasts, closing in the
// grace after it (records about the window still count), settled once its result stands.
enum class ChallengeState : std::uint8_t { open, closing, settled, cancelled };
std::string_view to_string(ChallengeState state);

struct ChallengeView {
  Challenge challenge;
  std::optional<core::Timestamp> cancelled_at;
  std::optional<std::int64_t> cancelled_by;
  std::string metric_name;
  bool amounts = false;  // the metric's figures are amounts (fen), not counts
  // The participants' names, in their order (the company has none).
  std::vector<std::string> names;
  engine::ChallengeStanding standing;
  ChallengeState state = ChallengeState::open;
};

// Why a participant stands where they do: the challenge (its events: the definition it was
// judged by, and a cancellation), and the events of the record that reached the goal.
struct ChallengeWhy {
  ChallengeView view;
  std::size_t participant = 0;  // the standing asked about, in view.standing.participants
  std::vector<store::EventRecord> challenge_events;
  std::vector<store::EventRecord> source_events;  // none when the goal is not reached
};

struct ChallengePage {
  std::vector<ChallengeView> challenges;
  std::optional<std::int64_t> next_before_id;
};

// A participant's success: a goal completed, or a head-to-head won — at the moment the goal was
// reached (a head-to-head won on the figures: when its window ended).
struct ChallengeResult {
  std::int64_t challenge_id = 0;
  std::string challenge_name;
  engine::SubjectKind subject = engine::SubjectKind::staff;
  bool group = false;           // an ad-hoc group of people (subject_id: its number, from 1)
  std::int64_t subject_id = 0;  // 0: the company
  std::string subject_name;     // "" for the company
  engine::ChallengeOutcome outcome = engine::ChallengeOutcome::completed;
  core::Timestamp at{};
};

struct ChallengeQuery {
  store::ChallengeFilter filter = store::ChallengeFilter::all;
  std::optional<std::int64_t> staff_id;  // only the challenges this person takes part in
  std::int64_t before_id = 0;
  int limit = 50;
};

class ChallengeService {
 public:
  ChallengeService(store::Store& store, const core::Clock& clock, const EventLog& events,
                   EngineService& engine, core::CompanyZone zone, int default_grace_days)
      : store_(store),
        clock_(clock),
        events_(events),
        engine_(engine),
        zone_(zone),
        default_grace_days_(default_grace_days) {}

  core::Result<ChallengeView> create(Challenge input, const auth::Actor& actor);
  core::Result<ChallengeView> get(std::int64_t id);
  // Newest first.
  core::Result<ChallengePage> list(const ChallengeQuery& query);
  // `subject_id` as in the standings (a person, a department, 0 for the company, a group's
  // number); invalid (field subject_id) when it takes no part.
  core::Result<ChallengeWhy> why(std::int64_t id, std::int64_t subject_id);
  // Every success with its moment in [from, to), as the challenges stand now, oldest first.
  core::Result<std::vector<ChallengeResult>> results_between(core::Timestamp from,
                                                             core::Timestamp to);
  // Conflict when it is called off already or has settled (its result stands).
  core::Result<ChallengeView> cancel(std::int64_t id, const auth::Actor& actor);

 private:
  // The rows as views: their metrics, names and standings, read once for the whole page.
  core::Result<std::vector<ChallengeView>> views(const std::vector<store::ChallengeRow>& rows);

  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
  EngineService& engine_;
  core::CompanyZone zone_;
  int default_grace_days_;
};

}  // namespace laurel::crm
