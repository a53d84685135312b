#pragma once
// The recognition engine inside `laurel serve`: the metric fold and the good-news watch, kept up
// to date by reading the event log's tail — every event after the last one folded, in log order —
// before answering. What the watch detects or changes is written to the good_news table after
// each catch-up (insert-if-absent by natural key; a newer state over an older one only), and kept
// pending if that write fails, to be written with the next. The
// log is the only input, so several Laurel nodes over one database each fold the same figures,
// and a restart folds the whole log again (1.7 s for the demo year, docs/benchmarks.md).
// Thread-safe: one fold, guarded by a mutex.
//
// Reading "after the last seq folded" is exact on SQLite, where one writer at a time means seqs
// commit in order. A PostgreSQL backend (several writers) must not let a reader pass a seq whose
// transaction has not committed yet — e.g. fold only up to the oldest seq still in flight — or a
// late commit would be skipped for good; that belongs with that backend.

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_set>

#include "core/period.hpp"
#include "core/wake_worker.hpp"
#include "crm/board_change.hpp"
#include "crm/board_service.hpp"
#include "crm/engine_feed.hpp"
#include "engine/recognition.hpp"
#include "store/badge_repository.hpp"
#include "store/flag_repository.hpp"
#include "store/good_news_repository.hpp"
#include "store/point_ledger_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

class EngineService {
 public:
  // `store_good_news`: write detected good news (serve); `laurel replay` only compares.
  EngineService(store::Store& store, core::CompanyZone zone, bool store_good_news = true);
  ~EngineService();
  EngineService(const EngineService&) = delete;
  EngineService& operator=(const EngineService&) = delete;

  // `laurel serve`: a thread catches up as soon as any write commits (and at least every
  // second, for writes made around WriteTransaction), so good news is detected the moment its
  // records arrive, not when someone next asks. `on_error` hears a catch-up that failed (it is
  // tried again on the next wake). Stopped by the destructor.
  void start_worker(std::function<void(const core::Error&)> on_error);
  void wake();
  // Stops the thread and catches up one last time, so what the last writes made true is stored
  // before Laurel exits.
  core::Status stop_worker();

  // Folds what the log holds beyond the last event folded. An event whose payload cannot be read
  // is skipped and counted (the fold never stops on one bad record).
  core::Status catch_up();

  struct Figures {
    engine::MetricDefinition definition;
    std::vector<engine::MetricFold::Cell> cells;  // of the period asked for, largest first
  };
  // After catching up: a metric's figures in one period (of the metric's own period kind); a
  // holdings metric's read up to the company day `as_of` (engine/holdings_metrics.hpp). A
  // metric the log has not defined answers not_found.
  core::Result<Figures> figures(std::int64_t metric_id, core::Period period, date::sys_days as_of);

  // A board's standings in one period, after catching up: a page, and for the caller's own
  // subject (`me`) their standing, `around` neighbours each side and the one to pass. Names are
  // the log's (people and departments as last named); a board the log has not defined answers
  // not_found, a period of another kind than the board's invalid (field "period").
  struct StandingsQuery {
    std::int64_t board_id = 0;
    engine::SubjectKind subject = engine::SubjectKind::staff;
    core::Period period;
    date::sys_days as_of{};  // holdings boards are read up to this company day
    std::size_t offset = 0;
    std::size_t limit = 50;
    std::optional<std::int64_t> me;
    std::size_t around = 0;
  };
  struct Named {
    engine::Standing standing;
    std::string name;
    bool hidden = false;  // a person hidden from public boards (crm/board_privacy.hpp)
    bool manual = false;  // a manual row's figure (manual and hybrid boards)
    // A pro-rating board's subject who joined during the period: their actual figure and days.
    struct ProRated {
      std::int64_t actual = 0;
      std::int64_t days_present = 0;
      std::int64_t days_in_period = 0;
    };
    std::optional<ProRated> pro_rated;
  };
  struct Standings {
    std::int64_t folded_up_to = 0;
    std::size_t total = 0;
    std::vector<Named> items;
    std::optional<Named> me;
    std::vector<Named> around;
    std::optional<Named> to_pass;
  };
  core::Result<Standings> standings(const StandingsQuery& query);

  // A board as the log last defined it, completed from its metrics (nullopt: unknown, archived,
  // or not for this caller), and the staff record linked to a user — so the leaderboard routes
  // answer from memory, without the database.
  core::Result<std::optional<Board>> board(std::int64_t board_id, const auth::Principal& caller);
  core::Result<std::optional<std::int64_t>> staff_of_user(std::int64_t user_id);
  // People's or departments' names as the log last gave them: by id, and the ids of each name
  // (a name may name several).
  core::Result<std::map<std::int64_t, std::string>> names_of(engine::SubjectKind kind);
  // Whether a subject belongs to a board's scope in a period: who a manual row may name.
  core::Result<bool> in_scope(std::int64_t board_id, std::int64_t subject, core::Period period);
  // People hidden from public boards, as the log last said (for snapshots' rows, read later).
  core::Result<std::unordered_set<std::int64_t>> hidden_staff();
  // People who opted out of public celebration, as the log last said.
  core::Result<std::unordered_set<std::int64_t>> uncelebrated_staff();

  // Boards whose standings may have moved, told after each catch-up that moved any (from the
  // worker's thread or a reader's, with the engine locked: keep it short). Set before the worker
  // starts.
  void on_boards_changed(std::function<void(std::vector<BoardChange>)> listener) {
    boards_changed_ = std::move(listener);
  }
  // People whose points or flags were just posted (by staff id, each once), told the same way.
  void on_recognition_changed(std::function<void(std::vector<std::int64_t>)> listener) {
    recognition_changed_ = std::move(listener);
  }

  // Points (crm/points_ledger.hpp): an award as the engine holds it now (nullopt: none), what a
  // draft rule would have awarded over [from, to), and the points a rule paid for activity that
  // occurred in [from, to) — all after catching up.
  core::Result<std::optional<engine::Award>> award(const engine::AwardKey& key);
  core::Result<std::vector<engine::PointsBook::PreviewRow>> preview(const engine::PointsRule& draft,
                                                                    core::Timestamp from,
                                                                    core::Timestamp to);
  core::Result<std::int64_t> points_paid(std::int64_t rule_id, core::Timestamp from,
                                         core::Timestamp to);
  // Every award that pays, as the ledger should hold it (for `laurel replay`), by key.
  std::vector<store::PointLedgerRepository::AwardTotal> award_totals() const;
  // Every person's first use of each CRM function (the flags), as the database should hold them
  // (for `laurel replay`), by person and function.
  std::vector<store::FirstUseRecord> first_uses() const;
  // Badges (crm/badge_service.hpp): how far a person is along each of the rules named (in their
  // order), and every badge the log gives, held or taken back, as the database should hold it
  // (for `laurel replay`), by rule and person (the fields of the log: rule, person, holds, visit,
  // earned_at).
  core::Result<std::vector<std::int32_t>> badge_progress(std::int64_t staff_id,
                                                         const std::vector<std::int64_t>& rule_ids);
  std::vector<store::BadgeAwardRecord> badge_awards() const;
  // Challenges (crm/challenge_service.hpp): where each named one stands at `now`, in their order
  // (nullopt: one the log has not defined).
  core::Result<std::vector<std::optional<engine::ChallengeStanding>>> challenges(
      const std::vector<std::int64_t>& ids, core::Timestamp now);

  // Every good news the engine holds, as the good_news table should have it, by fact_key.
  std::vector<store::DetectedGoodNews> detected_good_news() const;
  // A good-news rule the log has defined (a copy), or nullopt.
  std::optional<GoodNewsRule> rule(std::int64_t rule_id) const;

  std::int64_t folded_up_to() const;
  std::int64_t unreadable_events() const;
  // What was wrong with the first unreadable events (at most 100), for `laurel replay`.
  std::vector<std::string> problems() const;
  std::size_t metric_count() const;
  std::size_t figure_count() const;

 private:
  core::Status catch_up_locked();
  // As catch_up_locked, but only when something was committed since the last catch-up: reads
  // then cost no query. Commits through this process's store are counted; anything else (another
  // process writing the same file) is caught by the worker's catch-up every second.
  core::Status catch_up_for_read_locked();
  core::Status store_pending_locked();
  // Takes the award changes the points book has seen into pending_awards_ (what is new).
  core::Status keep_awards_locked(store::Connection& db);
  core::Status post_awards_locked(store::Connection& db);
  // Whether a board_top rule's subject is a person hidden from public boards.
  bool hidden_person_locked(const GoodNewsRule& rule, std::int64_t subject) const;
  void tell_boards_changed_locked();
  core::Status enqueue_published(store::Connection& db, std::int64_t id, std::int64_t at);

  store::Store& store_;
  bool store_good_news_;
  core::CompanyZone zone_;  // the day a challenge's reward is posted for
  mutable std::mutex mutex_;
  engine::Recognition engine_;
  EngineFeed feed_;
  std::map<engine::FactKey, engine::ThresholdFact> pending_;
  std::vector<engine::AwardChange> pending_awards_;
  std::vector<engine::FirstUse> pending_first_uses_;
  std::vector<engine::BadgeChange> pending_badges_;
  // Award changes of events up to this seq are on the ledger (read once, then kept): a restart
  // folds the whole log again without asking the database about each of them.
  std::optional<std::int64_t> awards_posted_up_to_;

  std::function<void(std::vector<BoardChange>)> boards_changed_;
  std::function<void(std::vector<std::int64_t>)> recognition_changed_;
  std::atomic<std::uint64_t> commits_{0};
  std::uint64_t commits_seen_ = UINT64_MAX;  // what commits_ was at the last catch-up
  store::Store::ObserverId commit_counter_ = 0;
  core::WakeWorker worker_;
  store::Store::ObserverId observer_ = 0;
  std::int64_t last_seq_ = 0;
  std::int64_t unreadable_ = 0;
  std::vector<std::string> problems_;
};

// The natural key of a good news: "threshold/<rule>/<subject>/<period>/<threshold>"; for a
// campaign's first order "first/<rule>/<subject>/<trade>" and for an activation
// "activation/<rule>/<subject>/<trade>" (those watches keep the trade's id where a threshold
// would be; the stored row has threshold 0 and the trade as its record); for a holdings
// milestone "milestone/<rule>/<milestone in fen>".
std::string fact_key(const engine::FactKey& key, RuleKind kind);
store::DetectedGoodNews detected_of(const engine::ThresholdFact& fact, RuleKind kind);

}  // namespace laurel::crm
