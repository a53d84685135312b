#include "crm/engine_service.hpp"

#include <algorithm>

#include "core/timestamp.hpp"
#include "crm/chat_delivery_service.hpp"
#include "crm/flag_set.hpp"
#include "crm/good_news_service.hpp"
#include "crm/points_ledger.hpp"
#include "store/event_repository.hpp"

namespace laurel::crm {
namespace {

store::FirstUseRecord first_use_record(const engine::FirstUse& use) {
  return {use.staff_id,    std::string(crm_functions().at(use.function).code),
          use.seq,         core::to_micros(use.at),
          use.entity_type, use.entity_id};
}

}  // namespace

std::string fact_key(const engine::FactKey& key, RuleKind kind) {
  const auto rule = std::to_string(key.rule_id);
  const auto subject = std::to_string(key.subject_id);
  const auto threshold = std::to_string(key.threshold);
  switch (kind) {
    case RuleKind::campaign_first_order:
      return "first/" + rule + "/" + subject + "/" + threshold;
    case RuleKind::client_activation:
      return "activation/" + rule + "/" + subject + "/" + threshold;
    case RuleKind::holdings_milestone:
      return "milestone/" + rule + "/" + threshold;
    case RuleKind::board_top:
      return "top/" + rule + "/" + subject + "/" + core::format_period(key.period);
    case RuleKind::metric_threshold:
    case RuleKind::product_subscription:
      break;
  }
  return "threshold/" + rule + "/" + subject + "/" + core::format_period(key.period) + "/" +
         threshold;
}

store::DetectedGoodNews detected_of(const engine::ThresholdFact& f, RuleKind kind) {
  const bool one_trade = about_one_trade(kind);
  store::DetectedGoodNews d;
  d.fact_key = fact_key(f.key, kind);
  d.rule_id = f.key.rule_id;
  d.subject_id = f.key.subject_id;
  d.period = core::format_period(f.key.period);
  d.threshold = one_trade ? 0 : f.key.threshold;
  d.record_id = f.became_true.record_id;
  d.became_true_at = core::to_micros(f.became_true.at);
  d.detected_seq = f.detected_seq;
  d.detected_at = core::to_micros(f.detected_at);
  d.late = f.late;
  d.silent = f.silent;
  d.holds = f.holds;
  if (f.no_longer_holds_at) d.no_longer_holds_at = core::to_micros(*f.no_longer_holds_at);
  d.derived_seq = f.changed_seq;
  return d;
}

EngineService::EngineService(store::Store& store, core::CompanyZone zone, bool store_good_news)
    : store_(store), store_good_news_(store_good_news), zone_(zone), engine_(zone), feed_(engine_) {
  commit_counter_ =
      store_.add_commit_observer([this] { commits_.fetch_add(1, std::memory_order_acq_rel); });
}

EngineService::~EngineService() {
  store_.remove_commit_observer(commit_counter_);
  if (worker_.running()) {
    store_.remove_commit_observer(observer_);
    worker_.stop();
  }
}

core::Status EngineService::stop_worker() {
  if (!worker_.running()) return {};
  store_.remove_commit_observer(observer_);
  worker_.stop();
  return catch_up();
}

void EngineService::start_worker(std::function<void(const core::Error&)> on_error) {
  observer_ = store_.add_commit_observer([this] { wake(); });
  worker_.start(std::chrono::seconds(1), [this, on_error = std::move(on_error)] {
    if (auto s = catch_up(); !s && on_error) on_error(s.error());
  });
}

void EngineService::wake() {
  worker_.wake();
}

core::Status EngineService::catch_up() {
  std::lock_guard lock(mutex_);
  return catch_up_locked();
}

core::Status EngineService::catch_up_for_read_locked() {
  const auto commits = commits_.load(std::memory_order_acquire);
  if (commits == commits_seen_) return {};
  auto s = catch_up_locked();
  if (s) commits_seen_ = commits;
  return s;
}

core::Status EngineService::catch_up_locked() {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::EventRepository log(**connection);
  store::EventFilter page;
  page.limit = 10'000;
  for (;;) {
    page.after_seq = last_seq_;
    auto events = log.list(page);
    if (!events) return events.error();
    const bool more = events->size() > static_cast<std::size_t>(page.limit);
    if (more) events->pop_back();
    for (const auto& e : *events) {
      if (auto s = feed_.apply(e); !s) {
        ++unreadable_;
        if (problems_.size() < 100) problems_.push_back(s.error().message);
      }
      last_seq_ = e.seq;
    }
    if (auto s = keep_awards_locked(**connection); !s) return s;
    if (!more) break;
  }
  // Rule ids are unique across the watches, so their fact keys never collide.
  const auto keep = [this](std::vector<engine::ThresholdFact> changes) {
    for (auto& fact : changes)
      pending_.insert_or_assign(fact.key, std::move(fact));
  };
  keep(engine_.thresholds.take_changes());
  keep(engine_.first_orders.take_changes());
  keep(engine_.balance_thresholds.take_changes());
  keep(engine_.milestones.take_changes());
  keep(engine_.activations.take_changes());
  keep(engine_.leaders.take_changes());
  for (auto& use : engine_.first_uses.take_changes())
    pending_first_uses_.push_back(std::move(use));
  for (auto& change : engine_.badges.take_changes())
    pending_badges_.push_back(change);
  tell_boards_changed_locked();
  return store_pending_locked();
}

void EngineService::tell_boards_changed_locked() {
  auto changed = engine_.boards.take_changed();
  if (changed.empty() || !boards_changed_) return;
  std::vector<BoardChange> out;
  out.reserve(changed.size());
  for (const auto& c : changed) {
    BoardChange change{c.board_id, {}, feed_.managers_only(c.board_id)};
    for (const auto& period : c.periods)
      change.periods.push_back(core::format_period(period));
    out.push_back(std::move(change));
  }
  boards_changed_(std::move(out));
}

core::Status EngineService::store_pending_locked() {
  if (!store_good_news_) {
    pending_first_uses_.clear();  // `laurel replay` compares them instead
    pending_badges_.clear();
    return {};
  }
  if (pending_.empty() && pending_awards_.empty() && pending_first_uses_.empty() &&
      pending_badges_.empty()) {
    return {};
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  if (auto s = post_awards_locked(write->connection()); !s) return s;
  // A restart folds the whole log again: the first uses stored before are kept as they are.
  store::FlagRepository flags(write->connection());
  for (const auto& use : pending_first_uses_) {
    if (auto inserted = flags.insert_first_use(first_use_record(use)); !inserted) {
      return inserted.error();
    }
  }
  // Each change in seq order; a restart's refold posts again what is there (changed_seq guards).
  store::BadgeRepository badges(write->connection());
  for (const auto& change : pending_badges_) {
    const auto at = core::to_micros(change.at);
    if (auto s = badges.save_award({change.key.rule_id, change.key.staff_id, change.state.holds,
                                    change.state.visit_id, core::to_micros(change.state.earned_at),
                                    at, change.seq, at,
                                    change.state.holds ? std::nullopt : std::optional(at)});
        !s) {
      return s.error();
    }
  }
  store::GoodNewsRepository good_news(write->connection());
  // In the order they were detected, so a new good news's id follows the one detected before it
  // and "newest first" reads as the managers expect.
  std::vector<const engine::ThresholdFact*> order;
  order.reserve(pending_.size());
  for (const auto& [key, fact] : pending_)
    order.push_back(&fact);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto* a, const auto* b) { return a->detected_seq < b->detected_seq; });
  for (const auto* f : order) {
    const auto& key = f->key;
    const auto& fact = *f;
    const auto* rule = feed_.rule(key.rule_id);
    // History from before the rule's effective_from is recorded as passed; a rule that
    // publishes by itself leaves late news to a manager (it is never "today's").
    // A person hidden from public boards is not announced as on top of one by the rule alone:
    // the news waits for a manager.
    const bool hidden =
        rule && rule->kind == RuleKind::board_top && hidden_person_locked(*rule, key.subject_id);
    const std::string_view status = fact.silent ? "passed"
                                    : rule && rule->auto_publish && !fact.late && !hidden
                                        ? "published"
                                        : "draft";
    const auto at = core::to_micros(fact.detected_at);
    auto inserted = good_news.upsert_detected(
        detected_of(fact, rule ? rule->kind : RuleKind::metric_threshold), status, at);
    if (!inserted) return inserted.error();
    if (*inserted && status == "published") {
      // Published by its rule: on its way to the group chats in this same transaction.
      if (auto s = enqueue_published(write->connection(), **inserted, at); !s) return s;
    }
  }
  if (auto s = write->commit(); !s) return s.error();
  if (recognition_changed_ &&
      (!pending_awards_.empty() || !pending_first_uses_.empty() || !pending_badges_.empty())) {
    std::vector<std::int64_t> people;
    for (const auto& change : pending_badges_)
      people.push_back(change.key.staff_id);
    for (const auto& change : pending_awards_)
      people.push_back(change.award.key.staff_id);
    for (const auto& use : pending_first_uses_)
      people.push_back(use.staff_id);
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    recognition_changed_(std::move(people));
  }
  pending_.clear();
  pending_first_uses_.clear();
  pending_badges_.clear();
  if (!pending_awards_.empty()) awards_posted_up_to_ = pending_awards_.back().seq;
  pending_awards_.clear();
  return {};
}

namespace {

// A challenge's reward as the ledger posts an award: no points rule, the challenge its source.
engine::AwardChange award_of(const engine::ChallengeReward& r, const core::CompanyZone& zone) {
  engine::AwardChange c;
  c.award.key = {0, r.staff_id, {engine::SourceKind::challenge, r.challenge_id}};
  c.award.occurred_at = r.occurred_at;
  c.award.day = date::sys_days(zone.date_of(r.occurred_at));
  c.award.base = c.award.paid = r.points;
  c.delta = r.delta;
  c.seq = r.seq;
  c.at = r.at;
  return c;
}

}  // namespace

core::Status EngineService::keep_awards_locked(store::Connection& db) {
  auto changes = engine_.points.take_changes();
  for (const auto& reward : engine_.challenges.take_rewards())
    changes.push_back(award_of(reward, zone_));
  // `laurel replay` compares what the engine holds instead; taken page by page, the changes of a
  // whole log are never all in memory.
  if (!store_good_news_ || changes.empty()) return {};
  if (!awards_posted_up_to_) {
    auto last = store::PointLedgerRepository(db).last_award_seq();
    if (!last) return last.error();
    awards_posted_up_to_ = *last;
  }
  // Changes come in seq order, and each write holds every change up to its last seq: those
  // before the last seq posted are on the ledger already (that seq's may be there in part, as
  // another node posts them too; insert-if-absent settles that). A restart folding the whole
  // log keeps only what is new.
  for (auto& change : changes) {
    if (change.seq >= *awards_posted_up_to_) pending_awards_.push_back(std::move(change));
  }
  return {};
}

core::Status EngineService::post_awards_locked(store::Connection& db) {
  // Posted "when" the event that made the change was recorded, as good news is detected then.
  for (const auto& change : pending_awards_) {
    if (auto posted = post_award(db, change, core::to_micros(change.at)); !posted) {
      return posted.error();
    }
  }
  return {};
}

bool EngineService::hidden_person_locked(const GoodNewsRule& rule, std::int64_t subject) const {
  const auto* board = engine_.boards.board(rule.board_id);
  const auto* metric = board ? engine_.metric(board->metric_id) : nullptr;
  return metric && metric->subject == engine::SubjectKind::staff && feed_.hidden(subject);
}

core::Status EngineService::enqueue_published(store::Connection& db, std::int64_t id,
                                              std::int64_t at) {
  auto record = store::GoodNewsRepository(db).find(id);
  if (!record) return record.error();
  if (!*record) return {};
  auto rendered = render_good_news(db, {std::move(**record)});
  if (!rendered) return rendered.error();
  return enqueue_chat_deliveries(db, rendered->front(), at);
}

core::Result<std::optional<engine::Award>> EngineService::award(const engine::AwardKey& key) {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  const auto* found = engine_.points.award(key);
  return found ? std::optional(*found) : std::nullopt;
}

core::Result<std::vector<engine::PointsBook::PreviewRow>> EngineService::preview(
    const engine::PointsRule& draft, core::Timestamp from, core::Timestamp to) {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  return engine_.points.preview(draft, from, to);
}

core::Result<std::int64_t> EngineService::points_paid(std::int64_t rule_id, core::Timestamp from,
                                                      core::Timestamp to) {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  std::int64_t sum = 0;
  engine_.points.for_each_award([&](const engine::Award& a) {
    if (a.key.rule_id == rule_id && a.occurred_at >= from && a.occurred_at < to) sum += a.paid;
  });
  return sum;
}

std::vector<store::PointLedgerRepository::AwardTotal> EngineService::award_totals() const {
  std::lock_guard lock(mutex_);
  std::vector<store::PointLedgerRepository::AwardTotal> out;
  engine_.points.for_each_award([&](const engine::Award& award) {
    const auto& key = award.key;
    if (award.paid == 0) return;
    out.push_back({key.rule_id, key.staff_id, std::string(to_string(key.source.kind)),
                   key.source.id, award.paid});
  });
  engine_.challenges.for_each_reward(
      [&](std::int64_t challenge_id, std::int64_t staff_id, std::int64_t points) {
        out.push_back({0, staff_id, "challenge", challenge_id, points});
      });
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.rule_id, a.staff_id, a.source_kind, a.source_id) <
           std::tie(b.rule_id, b.staff_id, b.source_kind, b.source_id);
  });
  return out;
}

core::Result<std::vector<std::int32_t>> EngineService::badge_progress(
    std::int64_t staff_id, const std::vector<std::int64_t>& rule_ids) {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  std::vector<std::int32_t> out;
  out.reserve(rule_ids.size());
  for (const auto rule_id : rule_ids)
    out.push_back(engine_.badges.progress({rule_id, staff_id}));
  return out;
}

core::Result<std::vector<std::optional<engine::ChallengeStanding>>> EngineService::challenges(
    const std::vector<std::int64_t>& ids, core::Timestamp now) {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  std::vector<std::optional<engine::ChallengeStanding>> out;
  out.reserve(ids.size());
  for (const auto id : ids)
    out.push_back(engine_.challenges.standing(id, now));
  return out;
}

std::vector<store::BadgeAwardRecord> EngineService::badge_awards() const {
  std::lock_guard lock(mutex_);
  std::vector<store::BadgeAwardRecord> out;
  for (const auto& [key, state] : engine_.badges.states()) {
    store::BadgeAwardRecord a;
    a.rule_id = key.rule_id;
    a.staff_id = key.staff_id;
    a.holds = state.holds;
    a.visit_id = state.visit_id;
    a.earned_at = core::to_micros(state.earned_at);
    out.push_back(a);
  }
  return out;  // the map's order: by rule, then person
}

std::vector<store::FirstUseRecord> EngineService::first_uses() const {
  std::lock_guard lock(mutex_);
  std::vector<store::FirstUseRecord> out;
  for (const auto& use : engine_.first_uses.all())
    out.push_back(first_use_record(use));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.staff_id, a.function) < std::tie(b.staff_id, b.function);
  });
  return out;
}

std::vector<store::DetectedGoodNews> EngineService::detected_good_news() const {
  std::lock_guard lock(mutex_);
  std::vector<store::DetectedGoodNews> out;
  for (const auto* facts : {&engine_.thresholds.facts(), &engine_.first_orders.facts(),
                            &engine_.milestones.facts(), &engine_.activations.facts(),
                            &engine_.balance_thresholds.facts(), &engine_.leaders.facts()}) {
    for (const auto& [key, fact] : *facts) {
      const auto* rule = feed_.rule(key.rule_id);
      out.push_back(detected_of(fact, rule ? rule->kind : RuleKind::metric_threshold));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.fact_key < b.fact_key; });
  return out;
}

std::optional<GoodNewsRule> EngineService::rule(std::int64_t rule_id) const {
  std::lock_guard lock(mutex_);
  const auto* found = feed_.rule(rule_id);
  return found ? std::optional<GoodNewsRule>(*found) : std::nullopt;
}

core::Result<EngineService::Figures> EngineService::figures(std::int64_t metric_id,
                                                            core::Period period,
                                                            date::sys_days as_of) {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  const auto* definition = engine_.metric(metric_id);
  if (!definition) return core::Error::not_found("no metric " + std::to_string(metric_id));
  Figures out{*definition, {}};
  out.cells = engine::is_holdings_kind(definition->kind)
                  ? engine_.holdings_metrics.cells(metric_id, period, as_of)
                  : engine_.fold.cells(metric_id, period);
  std::sort(out.cells.begin(), out.cells.end(), [](const auto& a, const auto& b) {
    return a.value != b.value ? a.value > b.value : a.subject_id < b.subject_id;
  });
  return out;
}

core::Result<std::optional<Board>> EngineService::board(std::int64_t board_id,
                                                        const auth::Principal& caller) {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  const auto* logged = feed_.board(board_id);
  if (!logged) return std::optional<Board>();
  const bool manual = logged->input.definition.kind == engine::BoardKind::manual;
  const auto* metric = manual ? nullptr : engine_.metric(logged->input.definition.metric_id);
  if (!manual && !metric) return std::optional<Board>();
  Board out;
  out.record.id = logged->id;
  out.record.name = logged->input.name;
  out.record.created_by = logged->created_by;
  out.record.created_at = logged->created_at;
  out.record.updated_at = logged->updated_at;
  out.record.built_in = logged->built_in;  // the kind, which built_in_kind reads as the key
  out.input = logged->input;
  out.input.definition.id = logged->id;
  out.subject = manual ? logged->input.definition.subject : metric->subject;
  out.period = manual ? logged->input.definition.period : metric->period;
  out.amounts = manual ? logged->input.amounts : metric->amounts();
  if (const auto& d = logged->input.definition.denominator_metric_id) {
    if (const auto* denominator = engine_.metric(*d))
      out.denominator_amounts = denominator->amounts();
  }
  if (!sees(out, caller)) return std::optional<Board>();
  return std::optional(std::move(out));
}

core::Result<std::optional<std::int64_t>> EngineService::staff_of_user(std::int64_t user_id) {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  return feed_.staff_of_user(user_id);
}

core::Result<std::map<std::int64_t, std::string>> EngineService::names_of(
    engine::SubjectKind kind) {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  std::map<std::int64_t, std::string> out;
  for (const auto& [key, name] : feed_.names()) {
    if (key.first == kind) out.emplace(key.second, name);
  }
  return out;
}

core::Result<bool> EngineService::in_scope(std::int64_t board_id, std::int64_t subject,
                                           core::Period period) {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  return engine_.boards.in_scope_of(board_id, subject, period,
                                    date::sys_days(core::last_day(period)));
}

core::Result<std::unordered_set<std::int64_t>> EngineService::hidden_staff() {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  return feed_.hidden_staff();
}

core::Result<std::unordered_set<std::int64_t>> EngineService::uncelebrated_staff() {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  return feed_.uncelebrated_staff();
}

core::Result<EngineService::Standings> EngineService::standings(const StandingsQuery& q) {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_for_read_locked(); !s) return s.error();
  if (!engine_.boards.board(q.board_id)) {
    return core::Error::not_found("no board " + std::to_string(q.board_id));
  }
  const auto* ranking = engine_.boards.ranking(q.board_id, q.period, q.as_of);
  if (!ranking) return core::Error::invalid("period", "is not a period of this board");
  const auto whole = engine_.boards.pro_rating_days(q.board_id, q.period);
  const auto named = [&](const engine::Standing& s) {
    const auto* name = feed_.name(q.subject, s.subject_id);
    Named row{s, name ? *name : std::to_string(s.subject_id),
              q.subject == engine::SubjectKind::staff && feed_.hidden(s.subject_id),
              engine_.boards.is_manual(q.board_id, q.period, s.subject_id), std::nullopt};
    // Scores of a pro-rating board are figure × days in the period ÷ days present.
    if (whole && s.score.of != *whole) {
      row.pro_rated = Named::ProRated{s.score.value / *whole, s.score.of, *whole};
    }
    return row;
  };
  Standings out;
  out.folded_up_to = last_seq_;
  out.total = ranking->size();
  for (const auto& s : ranking->page(q.offset, q.limit))
    out.items.push_back(named(s));
  if (q.me) {
    if (auto me = ranking->find(*q.me)) {
      out.me = named(*me);
      for (const auto& s : ranking->around(*q.me, q.around))
        out.around.push_back(named(s));
      if (auto above = ranking->to_pass(*q.me)) out.to_pass = named(*above);
    }
  }
  return out;
}

std::int64_t EngineService::folded_up_to() const {
  std::lock_guard lock(mutex_);
  return last_seq_;
}

std::int64_t EngineService::unreadable_events() const {
  std::lock_guard lock(mutex_);
  return unreadable_;
}

std::vector<std::string> EngineService::problems() const {
  std::lock_guard lock(mutex_);
  return problems_;
}

std::size_t EngineService::metric_count() const {
  std::lock_guard lock(mutex_);
  return engine_.fold.metric_count();
}

std::size_t EngineService::figure_count() const {
  std::lock_guard lock(mutex_);
  return engine_.fold.cell_count();
}

}  // namespace laurel::crm
