#include "crm/points_service.hpp"

#include "crm/management_scope.hpp"
#include "crm/points_ledger.hpp"

namespace laurel::crm {

using core::Error;

core::Result<std::int64_t> PointsService::subject_of(const auth::Principal& caller,
                                                     std::optional<std::int64_t> staff_id) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  if (!staff_id) {
    if (!scope->staff_id) {
      return Error::invalid("staff_id", "is required: you have no staff record of your own");
    }
    return *scope->staff_id;
  }
  if (scope->staff_id == staff_id || scope->everything) return *staff_id;
  if (caller.role == auth::Role::manager) {
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    auto manages = manages_staff(**connection, *scope, *staff_id);
    if (!manages) return manages.error();
    if (*manages) return *staff_id;
  }
  return Error::forbidden("the points of staff member " + std::to_string(*staff_id) +
                          " are not yours to see");
}

core::Result<PersonBalances> PointsService::balances(std::int64_t staff_id) {
  // Caught up first, so the points of a record just saved are there.
  if (auto s = engine_.catch_up(); !s) return s.error();
  if (auto s = expiry_.expire_due(staff_id); !s) return s.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  PersonBalances out;
  auto points = store::PointLedgerRepository(**connection).person(staff_id);
  if (!points) return points.error();
  out.points = *points;
  auto next = expiry_.next(**connection, staff_id);
  if (!next) return next.error();
  out.next_expiry = *next;
  return out;
}

core::Result<JournalPage> PointsService::journals(std::int64_t staff_id, std::int64_t before_id,
                                                  int limit) {
  if (auto s = engine_.catch_up(); !s) return s.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto rows = store::PointLedgerRepository(**connection).journals_of(staff_id, before_id, limit);
  if (!rows) return rows.error();
  JournalPage page;
  if (rows->size() > static_cast<std::size_t>(limit)) {
    rows->pop_back();
    page.next_before_id = rows->back().id;
  }
  page.journals = std::move(*rows);
  return page;
}

core::Result<PointsWhy> PointsService::why(const auth::Principal& caller, std::int64_t journal_id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto& db = **connection;
  store::PointLedgerRepository ledger(db);
  auto journal = ledger.journal(journal_id);
  if (!journal) return journal.error();
  const auto missing = Error::not_found("no points journal " + std::to_string(journal_id));
  if (!*journal || !(*journal)->staff_id) return missing;
  if (auto whose = subject_of(caller, (*journal)->staff_id); !whose) {
    // Someone else's journal is as good as absent: its existence is not the caller's business.
    if (whose.error().code == core::Errc::forbidden) return missing;
    return whose.error();
  }
  PointsWhy out;
  out.journal = std::move(**journal);
  const auto& j = out.journal;
  if (j.rule_id && j.source_kind && j.source_id) {
    auto versions = rules_.versions(*j.rule_id);
    if (!versions) return versions.error();
    for (auto& v : *versions) {
      if (j.rule_version && v.engine.version == *j.rule_version) out.rule = std::move(v);
    }
    const auto kind = source_kind_of(*j.source_kind);
    if (!kind) {
      return Error::internal("points journal " + std::to_string(j.id) + " has a source of kind " +
                             *j.source_kind);
    }
    auto award = engine_.award({*j.rule_id, *j.staff_id, {*kind, *j.source_id}});
    if (!award) return award.error();
    out.award = *award;
    auto history = ledger.award_journals(*j.rule_id, *j.staff_id, *j.source_kind, *j.source_id);
    if (!history) return history.error();
    out.history = std::move(*history);
    store::EventRepository log(db);
    if (*kind == engine::SourceKind::first_use) {  // the event of the use
      auto event = log.at(engine::first_use_seq(*j.source_id));
      if (!event) return event.error();
      if (*event) out.source_events.push_back(std::move(**event));
    } else {
      auto events =
          log.of_record(*kind == engine::SourceKind::visit ? "visit" : "transaction", *j.source_id);
      if (!events) return events.error();
      out.source_events = std::move(*events);
    }
  }
  if (j.source_kind == "challenge" && j.source_id) {  // a reward: the challenge's own events
    auto history = ledger.source_journals(*j.source_kind, *j.source_id);
    if (!history) return history.error();
    for (auto& h : *history) {
      if (h.staff_id == j.staff_id) out.history.push_back(std::move(h));
    }
    auto events = store::EventRepository(db).of_record("challenge", *j.source_id);
    if (!events) return events.error();
    out.source_events = std::move(*events);
  }
  if (j.source_kind == "order" && j.source_id) {
    auto history = ledger.source_journals(*j.source_kind, *j.source_id);
    if (!history) return history.error();
    out.history = std::move(*history);
    store::RewardRepository rewards(db);
    auto order = rewards.order(*j.source_id);
    if (!order) return order.error();
    out.order = std::move(*order);
    if (out.order) {
      auto reward = rewards.find(out.order->reward_id);
      if (!reward) return reward.error();
      if (*reward) out.reward_name = (*reward)->name;
    }
    auto events = store::EventRepository(db).of_record("reward_order", *j.source_id);
    if (!events) return events.error();
    out.source_events = std::move(*events);
  }
  return out;
}

core::Result<PointsPreview> PointsService::preview(PointRule draft,
                                                   std::optional<std::int64_t> rule_id,
                                                   core::LocalDate from, core::LocalDate to) {
  if (to < from) return Error::invalid("to", "must not be before from");
  const auto days = (date::sys_days(to) - date::sys_days(from)).count() + 1;
  if (days > kMaxPreviewDays) {
    return Error::invalid("to", "a preview spans at most " + std::to_string(kMaxPreviewDays) +
                                    " days; this one spans " + std::to_string(days));
  }
  if (rule_id) {
    auto current = rules_.get(*rule_id);
    if (!current) return current.error();
  }
  const auto start = zone_.start_of(from);
  const auto end = zone_.start_of(core::LocalDate(date::sys_days(to) + date::days(1)));
  auto& e = draft.engine;
  e.id = rule_id.value_or(0);
  e.version = 1;
  e.effective_from = start;
  if (!e.valid_until || *e.valid_until > end) e.valid_until = end;
  auto rows = engine_.preview(e, start, end);
  if (!rows) return rows.error();
  PointsPreview out;
  out.from = from;
  out.to = to;
  for (const auto& row : *rows) {
    out.awards += row.awards;
    out.points += row.points;
    out.current += row.current;
  }
  out.people = std::move(*rows);
  return out;
}

core::Result<std::vector<BudgetUse>> PointsService::budgets(core::LocalDate today) {
  std::vector<BudgetUse> out;
  std::int64_t after = 0;
  for (;;) {
    auto page = rules_.list(after, 200);
    if (!page) return page.error();
    for (auto& rule : page->rules) {
      if (!rule.budget) continue;
      const auto period = core::period_of(today, rule.budget->period);
      const auto start = zone_.start_of(core::first_day(period));
      const auto end =
          zone_.start_of(core::LocalDate(date::sys_days(core::last_day(period)) + date::days(1)));
      auto used = engine_.points_paid(rule.engine.id, start, end);
      if (!used) return used.error();
      const auto budget = rule.budget->points;
      out.push_back({std::move(rule), period, *used, *used * 5 >= budget * 4, *used > budget});
    }
    if (!page->next_after_id) break;
    after = *page->next_after_id;
  }
  return out;
}

}  // namespace laurel::crm
