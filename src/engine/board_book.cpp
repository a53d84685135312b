#include "engine/board_book.hpp"

#include <algorithm>

namespace laurel::engine {
namespace {

bool ranks_people_or_departments(SubjectKind kind) {
  return kind == SubjectKind::staff || kind == SubjectKind::department;
}

date::sys_days day_after(core::LocalDate day) {
  return date::sys_days(day) + date::days(1);
}

}  // namespace

BoardBook::BoardBook(MetricFold& fold, const HoldingsMetrics& holdings,
                     const CoverageBook& coverage)
    : fold_(fold), holdings_(holdings), coverage_(coverage) {}

const MetricDefinition* BoardBook::metric(std::int64_t metric_id) const {
  if (const auto* m = fold_.metric(metric_id)) return m;
  return holdings_.metric(metric_id);
}

bool BoardBook::set_board(const BoardDefinition& definition) {
  if (definition.kind == BoardKind::manual) {
    if (!ranks_people_or_departments(definition.subject)) return false;
    boards_.insert_or_assign(definition.id,
                             Board{definition, definition.period, definition.subject, false, {}});
    changed_entirely_.insert(definition.id);
    return true;
  }
  const auto* main = metric(definition.metric_id);
  if (!main || !ranks_people_or_departments(main->subject)) return false;
  bool holdings = is_holdings_kind(main->kind);
  for (const auto& other : {definition.denominator_metric_id, definition.tie_breaker_metric_id}) {
    if (!other) continue;
    const auto* m = metric(*other);
    if (!m || m->subject != main->subject || m->period != main->period) return false;
    holdings = holdings || is_holdings_kind(m->kind);
  }
  boards_.insert_or_assign(definition.id,
                           Board{definition, main->period, main->subject, holdings, {}});
  changed_entirely_.insert(definition.id);
  watch_metrics(definition);
  return true;
}

void BoardBook::watch_metrics(const BoardDefinition& board) {
  // Watching replays a metric's contributions to the book: a first_to_reach board's metric lays
  // out its timelines from them.
  if (board.policy == TiePolicy::first_to_reach) timed_metrics_.insert(board.metric_id);
  for (const auto& id :
       {std::optional(board.metric_id), board.denominator_metric_id, board.tie_breaker_metric_id}) {
    if (id && fold_.has_metric(*id)) fold_.watch(*id, *this);
  }
}

void BoardBook::remove_board(std::int64_t board_id) {
  boards_.erase(board_id);
  manual_.erase(board_id);
}

void BoardBook::changed(const HoldingsChange&) {
  for (const auto& [id, board] : boards_) {
    if (board.holdings) changed_entirely_.insert(id);
  }
}

bool BoardBook::set_manual_rows(std::int64_t board_id, core::Period period,
                                std::unordered_map<std::int64_t, std::int64_t> rows) {
  const auto board = boards_.find(board_id);
  if (board == boards_.end() || board->second.definition.kind == BoardKind::computed ||
      period.kind != board->second.period) {
    return false;
  }
  manual_[board_id][period.index] = std::move(rows);
  board->second.periods.erase(period.index);  // built afresh when next read
  changed_[board_id].insert(period.index);
  return true;
}

const std::unordered_map<std::int64_t, std::int64_t>* BoardBook::manual_rows(
    std::int64_t board_id, std::int32_t period) const {
  // A board made computed since keeps its rows in memory but ranks its metric only.
  const auto defined = boards_.find(board_id);
  if (defined == boards_.end() || defined->second.definition.kind == BoardKind::computed) {
    return nullptr;
  }
  const auto board = manual_.find(board_id);
  if (board == manual_.end()) return nullptr;
  const auto rows = board->second.find(period);
  return rows == board->second.end() ? nullptr : &rows->second;
}

bool BoardBook::is_manual(std::int64_t board_id, core::Period period, std::int64_t subject) const {
  const auto* rows = manual_rows(board_id, period.index);
  return rows && rows->contains(subject);
}

std::optional<std::int64_t> BoardBook::pro_rating_days(std::int64_t board_id,
                                                       core::Period period) const {
  const auto board = boards_.find(board_id);
  if (board == boards_.end()) return std::nullopt;
  return pro_rating_days(board->second.definition, board->second.subject, period);
}

std::optional<std::int64_t> BoardBook::pro_rating_days(const BoardDefinition& d,
                                                       SubjectKind subject, core::Period period) {
  if (!d.pro_rate || d.denominator_metric_id || subject != SubjectKind::staff ||
      period.kind == core::PeriodKind::all_time) {
    return std::nullopt;
  }
  return core::days_in(period);
}

std::int64_t BoardBook::days_present(std::int64_t staff_id, core::Period period) const {
  const auto first = date::sys_days(core::first_day(period));
  const auto end = day_after(core::last_day(period));
  std::int64_t days = 0;
  coverage_.for_each_assignment(
      staff_id, first, end, [&](date::sys_days from, date::sys_days to, std::int64_t department) {
        if (department != 0) days += (to - from).count();
      });
  return days;
}

bool BoardBook::in_scope_of(std::int64_t board_id, std::int64_t subject, core::Period period,
                            date::sys_days as_of) const {
  const auto board = boards_.find(board_id);
  if (board == boards_.end() || period.kind != board->second.period) return false;
  if (board->second.subject == SubjectKind::staff && !staff_.contains(subject)) return false;
  return in_scope(board->second, subject, period, as_of);
}

const BoardDefinition* BoardBook::board(std::int64_t board_id) const {
  const auto it = boards_.find(board_id);
  return it == boards_.end() ? nullptr : &it->second.definition;
}

void BoardBook::set_staff(std::int64_t staff_id, bool active) {
  const auto [it, fresh] = staff_.try_emplace(staff_id, active);
  if (!fresh && it->second == active) return;
  it->second = active;
  membership_changed();
}

void BoardBook::membership_changed() {
  for (auto& [id, board] : boards_) {
    board.periods.clear();
    changed_entirely_.insert(id);
  }
}

std::vector<BoardBook::Changed> BoardBook::take_changed() {
  std::vector<Changed> out;
  for (const auto id : changed_entirely_) {
    if (boards_.contains(id)) out.push_back({id, {}});
  }
  for (const auto& [id, periods] : changed_) {
    const auto board = boards_.find(id);
    if (board == boards_.end() || changed_entirely_.contains(id)) continue;
    Changed c{id, {}};
    for (const auto index : periods)
      c.periods.push_back(core::Period{board->second.period, index});
    out.push_back(std::move(c));
  }
  changed_.clear();
  changed_entirely_.clear();
  return out;
}

void BoardBook::reset(std::int64_t metric_id) {
  std::erase_if(timelines_, [&](const auto& cell) { return cell.first.metric_id == metric_id; });
  for (auto& [id, board] : boards_) {
    const auto& d = board.definition;
    if (d.metric_id == metric_id || d.denominator_metric_id == metric_id ||
        d.tie_breaker_metric_id == metric_id) {
      board.periods.clear();
    }
  }
}

void BoardBook::contributed(const Contribution& c) {
  const CellKey key{c.metric_id, c.subject_id, c.period_index};
  touched_.push_back(key);
  if (!timed_metrics_.contains(c.metric_id)) return;
  auto it = timelines_.find(key);
  if (it == timelines_.end()) {
    if (c.sign < 0) return;  // nothing to take back
    const auto* m = fold_.metric(c.metric_id);
    it = timelines_.emplace(key, CellTimeline(m && m->kind == MetricKind::distinct_clients)).first;
  }
  if (c.sign > 0) {
    it->second.add(c.moment, c.delta, c.client);
  } else {
    it->second.remove(c.moment);
    if (it->second.empty()) timelines_.erase(it);
  }
}

void BoardBook::settle() {
  ++generation_;
  if (touched_.empty()) return;
  std::sort(touched_.begin(), touched_.end());
  touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
  for (auto& [id, board] : boards_) {
    const auto& d = board.definition;
    for (const auto& cell : touched_) {
      if (cell.metric_id != d.metric_id && cell.metric_id != d.denominator_metric_id &&
          cell.metric_id != d.tie_breaker_metric_id) {
        continue;
      }
      changed_[id].insert(cell.period_index);
      if (board.holdings) continue;  // ranked afresh when read
      const auto built = board.periods.find(cell.period_index);
      if (built == board.periods.end()) continue;
      const core::Period period{board.period, cell.period_index};
      if (is_manual(id, period, cell.subject_id)) continue;  // a manual row stands as entered
      if (in_scope(board, cell.subject_id, period, {})) {
        built->second.ranking.set(entry_of(board, cell.subject_id, period, {}));
      } else {
        built->second.ranking.remove(cell.subject_id);
      }
    }
  }
  touched_.clear();
}

std::int64_t BoardBook::figure(std::int64_t metric_id, std::int64_t subject, core::Period period,
                               date::sys_days as_of) const {
  if (metric_id == 0) return 0;  // a manual board's: no metric
  if (fold_.has_metric(metric_id)) return fold_.value(metric_id, subject, period);
  return holdings_.value(metric_id, subject, period, as_of);
}

Entry BoardBook::entry_of(const Board& board, std::int64_t subject, core::Period period,
                          date::sys_days as_of) const {
  const auto& d = board.definition;
  Entry e;
  e.subject_id = subject;
  // A manual row is the subject's figure, as the manager entered it (no tie-breaker, no timeline:
  // manual and hybrid boards rank by competition or dense ties).
  // Pro-rating: every score of the board is figure × days in the period ÷ days present, so that
  // a whole period's (÷ itself) and a part's compare exactly; no assignment at all counts as
  // whole, and so does a manual row (the figure as entered).
  const auto whole = pro_rating_days(d, board.subject, period);
  if (const auto* rows = manual_rows(d.id, period.index)) {
    if (const auto row = rows->find(subject); row != rows->end()) {
      e.score = whole ? Score{row->second * *whole, *whole} : Score{row->second, 1};
      return e;
    }
  }
  e.score.value = figure(d.metric_id, subject, period, as_of);
  if (whole) {
    const auto present = days_present(subject, period);
    e.score = Score{e.score.value * *whole, present > 0 && present < *whole ? present : *whole};
  }
  if (d.denominator_metric_id)
    e.score.of = figure(*d.denominator_metric_id, subject, period, as_of);
  if (d.tie_breaker_metric_id) {
    const auto tie = figure(*d.tie_breaker_metric_id, subject, period, as_of);
    e.tie_breaker = d.tie_breaker_lower_first ? -tie : tie;
  }
  if (d.policy == TiePolicy::first_to_reach) {
    const auto cell = timelines_.find(CellKey{d.metric_id, subject, period.index});
    const auto figure_now = e.score.value;
    if (cell != timelines_.end() && figure_now > 0) {
      if (auto when = cell->second.crossings({figure_now}).front()) e.reached = *when;
    }
  }
  return e;
}

bool BoardBook::in_scope(const Board& board, std::int64_t subject, core::Period period,
                         date::sys_days as_of) const {
  const auto& d = board.definition;
  const auto& reference = fold_.reference();
  // Whether `department` is the scope's department, a participating one, or under one.
  const auto under_scope = [&](std::int64_t department) {
    reference.departments_up_from(department, scratch_);
    if (d.scope == BoardScope::department) {
      return std::find(scratch_.begin(), scratch_.end(), d.scope_id) != scratch_.end();
    }
    const auto campaign = reference.campaigns.find(d.scope_id);
    if (campaign == reference.campaigns.end()) return false;
    if (campaign->second.whole_company()) return true;
    const auto& taking_part = campaign->second.department_ids;
    return std::any_of(scratch_.begin(), scratch_.end(), [&](std::int64_t id) {
      return std::find(taking_part.begin(), taking_part.end(), id) != taking_part.end();
    });
  };
  if (board.subject == SubjectKind::department) {
    if (!reference.department_parent.contains(subject)) return false;
    return d.scope == BoardScope::company || under_scope(subject);
  }
  // People who have left are ranked only where they counted.
  const auto known = staff_.find(subject);
  if ((known == staff_.end() || !known->second) &&
      figure(d.metric_id, subject, period, as_of) == 0) {
    return false;
  }
  if (d.scope == BoardScope::company) return true;
  if (d.scope == BoardScope::campaign) {
    const auto campaign = reference.campaigns.find(d.scope_id);
    if (campaign == reference.campaigns.end()) return false;
    const auto& listed = campaign->second.staff_ids;
    if (campaign->second.whole_company() ||
        std::find(listed.begin(), listed.end(), subject) != listed.end()) {
      return true;
    }
  }
  bool inside = false;
  coverage_.for_each_assignment(subject, date::sys_days(core::first_day(period)),
                                day_after(core::last_day(period)),
                                [&](date::sys_days, date::sys_days, std::int64_t department) {
                                  if (!inside && department != 0) inside = under_scope(department);
                                });
  return inside;
}

void BoardBook::build(Board& board, Built& built, core::Period period, date::sys_days as_of) {
  built.ranking = Ranking(board.definition.policy, board.definition.order);
  built.as_of = as_of;
  built.generation = generation_;
  std::vector<std::int64_t> candidates;
  const auto* rows = manual_rows(board.definition.id, period.index);
  // A manual board ranks the subjects its rows name, no one else; a hybrid board everyone its
  // metric ranks, and the subjects of its rows (their figures replaced).
  if (rows) {
    for (const auto& [subject, value] : *rows)
      built.ranking.set(entry_of(board, subject, period, as_of));
  }
  if (board.definition.kind == BoardKind::manual) return;
  if (board.subject == SubjectKind::department) {
    for (const auto& [id, parent] : fold_.reference().department_parent)
      candidates.push_back(id);
  } else {
    for (const auto& [id, active] : staff_)
      candidates.push_back(id);
    const auto cells = fold_.has_metric(board.definition.metric_id)
                           ? fold_.cells(board.definition.metric_id, period)
                           : holdings_.cells(board.definition.metric_id, period, as_of);
    for (const auto& cell : cells)
      candidates.push_back(cell.subject_id);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  }
  for (const auto subject : candidates) {
    if (subject != 0 && !(rows && rows->contains(subject)) &&
        in_scope(board, subject, period, as_of))
      built.ranking.set(entry_of(board, subject, period, as_of));
  }
}

const Ranking* BoardBook::ranking(std::int64_t board_id, core::Period period,
                                  date::sys_days as_of) {
  const auto it = boards_.find(board_id);
  if (it == boards_.end() || period.kind != it->second.period) return nullptr;
  auto& board = it->second;
  auto [built, fresh] = board.periods.try_emplace(period.index);
  const bool stale =
      board.holdings && (built->second.as_of != as_of || built->second.generation != generation_);
  if (fresh || stale) build(board, built->second, period, as_of);
  return &built->second.ranking;
}

}  // namespace laurel::engine
