#include "engine/metric_fold.hpp"

#include <algorithm>

namespace laurel::engine {
namespace {

// Adds `amount` for `subject` to a short list, merging a subject named twice (two credits of
// one department).
void merge(std::vector<std::pair<std::int64_t, std::int64_t>>& list, std::int64_t subject,
           std::int64_t amount) {
  for (auto& [s, a] : list) {
    if (s == subject) {
      a += amount;
      return;
    }
  }
  list.emplace_back(subject, amount);
}

bool contains(const std::vector<std::int64_t>& list, std::int64_t id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

bool per_target_period(core::PeriodKind kind) {
  return kind == core::PeriodKind::month || kind == core::PeriodKind::quarter ||
         kind == core::PeriodKind::year;
}

// What a sum net of redemptions may be.
std::optional<DefinitionProblem> netting_problem(const MetricDefinition& m) {
  if (const auto days = m.filter.net_of_redemptions_within_days) {
    const char* field = "filter.net_of_redemptions_within_days";
    if (m.source != MetricSource::transactions || m.kind != MetricKind::sum ||
        m.sum_of != SumOf::amount) {
      return DefinitionProblem{field, "nets a sum of transaction amounts (sum_of amount)"};
    }
    if (*days < 1 || *days > 366) return DefinitionProblem{field, "must be 1 to 366 days"};
    const auto out = MetricFilter::kinds({TradeKind::redeem, TradeKind::switch_out});
    if (m.filter.trade_kinds == 0 || (m.filter.trade_kinds & out) != 0) {
      return DefinitionProblem{"filter.transaction_kinds",
                               "name the inflows netted (subscribe, purchase, switch_in, "
                               "dividend_reinvest), not redemptions, to net redemptions"};
    }
  }
  return std::nullopt;
}

// What a sum of targets, or a metric of the clients with a target, may be.
std::optional<DefinitionProblem> target_problem(const MetricDefinition& m) {
  const bool by_people = m.subject == SubjectKind::staff || m.subject == SubjectKind::department;
  if (m.filter.clients_with_target) {
    if (m.source != MetricSource::transactions) {
      return DefinitionProblem{"filter.clients_with_target",
                               "selects trades: it is a filter of transactions"};
    }
    if (!by_people) {
      return DefinitionProblem{"subject",
                               "clients with a target are a person's or a department's: "
                               "measure per staff or department"};
    }
    if (!per_target_period(m.period)) {
      return DefinitionProblem{"period", "targets are set per month, quarter or year"};
    }
  }
  if (m.source != MetricSource::targets) return std::nullopt;
  if (m.kind != MetricKind::sum) {
    return DefinitionProblem{"kind", "targets are summed: a metric of targets is of kind sum"};
  }
  if (!by_people) {
    return DefinitionProblem{"subject", "targets are set for staff and departments"};
  }
  if (!per_target_period(m.period) && m.period != core::PeriodKind::all_time) {
    return DefinitionProblem{"period", "targets are set per month, quarter or year (or all)"};
  }
  const auto& f = m.filter;
  if (f.trade_kinds != 0 || !f.product_ids.empty() || !f.product_types.empty() ||
      f.exclude_money_market || f.client_id || f.department_id || f.key_person_visits_only) {
    return DefinitionProblem{"filter",
                             "targets are chosen by target_scope, target_metric and "
                             "campaign_id only"};
  }
  if (m.sum_of != SumOf::amount) {
    return DefinitionProblem{"sum_of", "a sum of targets adds up their values"};
  }
  if (f.campaign_id && f.target_scope != TargetScope::campaign) {
    return DefinitionProblem{"filter.campaign_id",
                             "names the campaign of campaign targets (target_scope campaign)"};
  }
  return std::nullopt;
}

}  // namespace

std::optional<DefinitionProblem> definition_problem(const MetricDefinition& m) {
  if ((m.source == MetricSource::imported) != (m.kind == MetricKind::imported)) {
    return DefinitionProblem{"kind",
                             "imported values are a metric of kind imported (source "
                             "imported), and only they"};
  }
  if (m.kind == MetricKind::imported) {
    const auto& f = m.filter;
    if (f.trade_kinds != 0 || !f.product_ids.empty() || !f.product_types.empty() ||
        f.exclude_money_market || f.client_id || f.department_id || f.campaign_id ||
        f.key_person_visits_only) {
      return DefinitionProblem{"filter", "imported values are the warehouse's own: no filter"};
    }
    return std::nullopt;
  }
  if (auto problem = target_problem(m)) return problem;
  if (auto problem = netting_problem(m)) return problem;
  const bool holdings_kind = is_holdings_kind(m.kind);
  if ((m.source == MetricSource::holdings) != holdings_kind) {
    return DefinitionProblem{"kind", holdings_kind
                                         ? "a balance is measured on holdings (source holdings)"
                                         : "holdings are measured as end_of_period_balance or "
                                           "average_daily_balance"};
  }
  if (m.source == MetricSource::holdings) {
    if (m.kind == MetricKind::average_daily_balance && m.period == core::PeriodKind::all_time) {
      return DefinitionProblem{"period", "an average daily balance needs a period of days"};
    }
    if (m.filter.trade_kinds != 0) {
      return DefinitionProblem{"filter.transaction_kinds", "holdings have no transaction kind"};
    }
    if (m.filter.department_id) {
      return DefinitionProblem{"filter.department_id",
                               "holdings are filtered by fund and client (for a department's "
                               "holdings, measure them per department)"};
    }
    if (m.filter.campaign_id) {
      return DefinitionProblem{"filter.campaign_id", "a campaign counts trades, not holdings"};
    }
  }
  if (m.source == MetricSource::visits) {
    if (m.kind == MetricKind::sum) {
      return DefinitionProblem{"kind", "a sum needs amounts: visits can be counted, not summed"};
    }
    if (m.subject == SubjectKind::product) {
      return DefinitionProblem{"subject", "visits are not counted per product"};
    }
    if (m.filter.trade_kinds != 0 || !m.filter.product_ids.empty() ||
        !m.filter.product_types.empty() || m.filter.exclude_money_market) {
      return DefinitionProblem{"filter", "visits have no transaction kind or product to filter by"};
    }
    if (m.filter.campaign_id) {
      return DefinitionProblem{"filter.campaign_id", "a campaign counts trades, not visits"};
    }
  } else if (m.filter.key_person_visits_only) {
    return DefinitionProblem{"filter.key_person_visits_only",
                             "key_person_visits_only is a filter of visits"};
  }
  return std::nullopt;
}

MetricFold::MetricFold(std::vector<MetricDefinition> metrics, core::CompanyZone zone)
    : days_(zone), zone_(zone) {
  metrics_.reserve(metrics.size());
  for (auto& m : metrics)
    metrics_.push_back(State{std::move(m), {}, {}, {}});
}

bool product_passes(const MetricFilter& f, const Reference& reference, std::int64_t product_id) {
  if (!f.product_ids.empty() && !contains(f.product_ids, product_id)) return false;
  if (f.product_types.empty() && !f.exclude_money_market) return true;
  const auto product = reference.products.find(product_id);
  const std::string_view type =
      product == reference.products.end() ? std::string_view() : product->second.type;
  if (f.exclude_money_market && type == "money_market") return false;
  return f.product_types.empty() ||
         std::find(f.product_types.begin(), f.product_types.end(), type) != f.product_types.end();
}

bool MetricFold::product_passes(const MetricFilter& f, std::int64_t product_id) const {
  return engine::product_passes(f, reference_, product_id);
}

void MetricFold::add(State& state, std::int64_t subject, std::int32_t period, std::int64_t amount,
                     std::int64_t client, int sign) {
  const Key key{subject, period};
  if (!state.observers.empty()) {
    tell(state, subject, period, state.definition.kind == MetricKind::count ? 1 : amount, client,
         sign);
  }
  if (state.definition.kind == MetricKind::distinct_clients) {
    auto& counts = state.clients[key];
    if ((counts[client] += sign) == 0) counts.erase(client);
    if (counts.empty()) {
      state.clients.erase(key);
      state.values.erase(key);
    } else {
      state.values[key] = static_cast<std::int64_t>(counts.size());
    }
    return;
  }
  const std::int64_t delta = state.definition.kind == MetricKind::count ? sign : sign * amount;
  auto& value = state.values[key];
  value += delta;
  if (value == 0) state.values.erase(key);
}

void MetricFold::tell(const State& state, std::int64_t subject, std::int32_t period,
                      std::int64_t delta, std::int64_t client, int sign) {
  const Contribution contribution{
      state.definition.id, subject, period, moment_, delta, client, sign};
  if (only_) {
    only_->contributed(contribution);
    return;
  }
  for (auto* observer : state.observers)
    observer->contributed(contribution);
}

void MetricFold::fold(State& state, const TradeFact& t, date::sys_days day, int sign) {
  moment_ = Moment{t.trade_time, t.id};
  const auto& def = state.definition;
  const auto& f = def.filter;
  if (!t.in_effect) return;
  if (f.trade_kinds != 0 && (f.trade_kinds & (1u << static_cast<unsigned>(t.kind))) == 0) return;
  if (f.client_id && *f.client_id != t.client_id) return;
  if (!product_passes(f, t.product_id)) return;
  const CampaignFact* campaign = nullptr;
  if (f.campaign_id) {
    const auto it = reference_.campaigns.find(*f.campaign_id);
    if (it == reference_.campaigns.end()) return;
    campaign = &it->second;
    if (!contains(campaign->product_ids, t.product_id) || day < campaign->starts_on ||
        day > campaign->ends_on) {
      return;
    }
  }

  const std::int64_t direction = def.sum_of == SumOf::net_flow ? flow_sign(t.kind) : 1;
  const std::int32_t period = core::period_of(day, def.period).index;
  std::int64_t base = t.amount_fen;
  contributions_.clear();
  if (f.department_id || campaign || def.subject == SubjectKind::staff ||
      def.subject == SubjectKind::department) {
    std::int64_t credited = 0;
    bool any = false;
    for (const auto& c : t.credits) {
      // takes_part leaves the credit's departments (nearest first) in departments_.
      std::int64_t participating = 0;
      if (campaign) {
        if (!reference_.takes_part(*campaign, c, participating, departments_)) continue;
      } else {
        reference_.departments_up_from(c.department_id, departments_);
      }
      if (f.department_id && !contains(departments_, *f.department_id)) continue;
      any = true;
      credited += c.amount_fen;
      if (def.subject == SubjectKind::staff) merge(contributions_, c.staff_id, c.amount_fen);
      if (def.subject == SubjectKind::department) {
        for (auto d : departments_)
          merge(contributions_, d, c.amount_fen);
      }
    }
    if (!any) return;
    if (f.department_id || campaign) base = credited;
  }
  switch (def.subject) {
    case SubjectKind::company:
      contributions_.emplace_back(0, base);
      break;
    case SubjectKind::client:
      contributions_.emplace_back(t.client_id, base);
      break;
    case SubjectKind::product:
      contributions_.emplace_back(t.product_id, base);
      break;
    case SubjectKind::staff:
    case SubjectKind::department:
      break;  // gathered from the credits above
  }
  for (const auto& [subject, amount] : contributions_) {
    if (f.clients_with_target &&
        !client_targets_.contains({def.subject == SubjectKind::department, subject,
                                   core::Period{def.period, period}, t.client_id,
                                   *f.clients_with_target})) {
      continue;
    }
    add(state, subject, period, amount * direction, t.client_id, sign);
  }
}

void MetricFold::fold(State& state, const TargetFact& t, int sign) {
  const auto& def = state.definition;
  const auto& f = def.filter;
  if (!t.in_effect || def.source != MetricSource::targets) return;
  if (t.scope != f.target_scope || t.measure != f.target_measure) return;
  if (f.campaign_id && *f.campaign_id != t.campaign_id) return;
  if (t.of_department != (def.subject == SubjectKind::department)) return;
  if (def.period != core::PeriodKind::all_time && def.period != t.period.kind) return;
  moment_ = Moment{core::Timestamp{}, t.id};  // a target is not of a moment
  const auto period = def.period == core::PeriodKind::all_time ? 0 : t.period.index;
  add(state, t.subject_id, period, t.value, 0, sign);
}

std::optional<MetricFold::ClientTarget> MetricFold::client_target(const TargetFact& t) {
  if (!t.in_effect || t.scope != TargetScope::client) return std::nullopt;
  return ClientTarget{t.of_department, t.subject_id, t.period, t.client_id, t.measure};
}

void MetricFold::recount_trades_of(std::int64_t client_id, int sign) {
  const auto trades = trades_of_client_.find(client_id);
  if (trades == trades_of_client_.end()) return;
  for (auto& m : metrics_) {
    if (!m.definition.filter.clients_with_target) continue;
    if (nets_redemptions(m)) {  // by holding: each fund of the client once
      std::vector<std::int64_t> funds;
      for (const auto id : trades->second) {
        const auto& trade = trades_.at(id);
        if (trade.client_id == client_id &&
            std::find(funds.begin(), funds.end(), trade.product_id) == funds.end()) {
          funds.push_back(trade.product_id);
          fold_netted(m, {client_id, trade.product_id}, sign);
        }
      }
      continue;
    }
    for (const auto id : trades->second) {
      const auto& trade = trades_.at(id);
      if (trade.client_id == client_id) fold(m, trade, days_.day_of(trade.trade_time), sign);
    }
  }
}

void MetricFold::apply(const TargetFact& target) {
  std::optional<TargetFact> before;
  if (auto [it, fresh] = targets_.try_emplace(target.id, target); !fresh) {
    if (it->second.seq >= target.seq) return;
    before = it->second;
    it->second = target;
  }
  // Client targets decide which trades count for the metrics of clients with a target: the
  // trades of the clients concerned are taken out while the targets change, then counted again.
  const auto old_key = before ? client_target(*before) : std::nullopt;
  const auto new_key = client_target(target);
  std::vector<std::int64_t> clients;
  if (old_key != new_key) {
    if (old_key) clients.push_back(old_key->client_id);
    if (new_key && (!old_key || old_key->client_id != new_key->client_id)) {
      clients.push_back(new_key->client_id);
    }
  }
  for (const auto c : clients)
    recount_trades_of(c, -1);
  if (before) {
    for (auto& m : metrics_)
      fold(m, *before, -1);
    if (old_key) {
      if (const auto it = client_targets_.find(*old_key); it != client_targets_.end()) {
        if (--it->second == 0) client_targets_.erase(it);
      }
    }
  }
  if (new_key) ++client_targets_[*new_key];
  for (auto& m : metrics_)
    fold(m, target, +1);
  for (const auto c : clients)
    recount_trades_of(c, +1);
}

void MetricFold::fold(State& state, const VisitFact& v, date::sys_days day, int sign) {
  const auto& def = state.definition;
  const auto& f = def.filter;
  if (!v.in_effect || def.source != MetricSource::visits) return;
  moment_ = Moment{v.occurred_at, v.id};
  if (f.client_id && *f.client_id != v.client_id) return;
  if (f.key_person_visits_only && !v.with_key_people) return;
  const std::int32_t period = core::period_of(day, def.period).index;
  contributions_.clear();
  bool any = !f.department_id;
  for (const auto& s : v.staff) {
    reference_.departments_up_from(s.department_id, departments_);
    if (f.department_id && !contains(departments_, *f.department_id)) continue;
    any = true;
    if (def.subject == SubjectKind::staff) merge(contributions_, s.staff_id, 1);
    if (def.subject == SubjectKind::department) {
      for (auto d : departments_)
        merge(contributions_, d, 1);
    }
  }
  if (!any) return;
  if (def.subject == SubjectKind::company) contributions_.emplace_back(0, 1);
  if (def.subject == SubjectKind::client) contributions_.emplace_back(v.client_id, 1);
  for (const auto& [subject, ignored] : contributions_) {
    add(state, subject, period, 1, v.client_id, sign);
  }
}

void MetricFold::apply(const TradeFact& trade) {
  auto it = trades_.find(trade.id);
  if (it != trades_.end() && it->second.seq >= trade.seq) return;  // an older version
  // A correction may move a trade to another client or fund (and back): listed once under each.
  const auto list = [&](std::vector<std::int64_t>& ids) {
    if (std::find(ids.begin(), ids.end(), trade.id) == ids.end()) ids.push_back(trade.id);
  };
  list(trades_of_client_[trade.client_id]);
  const Holding now{trade.client_id, trade.product_id};
  list(trades_of_holding_[now]);
  // The metrics net of redemptions take back what the holdings concerned counted, and count
  // them again once the new version is in: one trade moves what others net to.
  std::optional<Holding> was;
  if (it != trades_.end() && !(Holding{it->second.client_id, it->second.product_id} == now)) {
    was = Holding{it->second.client_id, it->second.product_id};
  }
  const auto netted = [&](int sign) {
    for (auto& m : metrics_) {
      if (m.definition.source != MetricSource::transactions || !nets_redemptions(m)) continue;
      fold_netted(m, now, sign);
      if (was) fold_netted(m, *was, sign);
    }
  };
  netted(-1);
  if (it != trades_.end()) {
    const auto before = days_.day_of(it->second.trade_time);
    for (auto& m : metrics_) {
      if (m.definition.source == MetricSource::transactions && !nets_redemptions(m)) {
        fold(m, it->second, before, -1);
      }
    }
    it->second = trade;
  } else {
    it = trades_.emplace(trade.id, trade).first;
  }
  const auto day = days_.day_of(trade.trade_time);
  for (auto& m : metrics_) {
    if (m.definition.source == MetricSource::transactions && !nets_redemptions(m)) {
      fold(m, trade, day, +1);
    }
  }
  netted(+1);
}

namespace {

__extension__ typedef __int128 Wide;

// The trade as if it were `amount` (less than it was): its credits scaled alike, the fen that
// rounding leaves going to the first credits, one each.
TradeFact scaled(const TradeFact& t, std::int64_t amount) {
  TradeFact out = t;
  out.amount_fen = amount;
  if (t.amount_fen == 0) return out;
  std::int64_t credited = 0;
  for (const auto& c : t.credits)
    credited += c.amount_fen;
  const auto share = static_cast<std::int64_t>(Wide(credited) * amount / t.amount_fen);
  std::int64_t given = 0;
  for (auto& c : out.credits) {
    c.amount_fen = static_cast<std::int64_t>(Wide(c.amount_fen) * amount / t.amount_fen);
    given += c.amount_fen;
  }
  for (auto& c : out.credits) {
    if (given == share) break;
    ++c.amount_fen;
    ++given;
  }
  return out;
}

bool redeems(TradeKind kind) {
  return kind == TradeKind::redeem || kind == TradeKind::switch_out;
}

}  // namespace

void MetricFold::fold_netted(State& state, const Holding& holding, int sign) {
  const auto ids = trades_of_holding_.find(holding);
  if (ids == trades_of_holding_.end()) return;
  struct Dated {
    const TradeFact* trade;
    date::sys_days day;
    std::int64_t left;  // inflows: what redemptions have not taken back
  };
  std::vector<Dated> timeline;
  for (const auto id : ids->second) {
    const auto t = trades_.find(id);
    if (t == trades_.end()) continue;
    const auto& trade = t->second;
    if (!trade.in_effect || trade.client_id != holding.client_id ||
        trade.product_id != holding.product_id) {
      continue;
    }
    timeline.push_back({&trade, days_.day_of(trade.trade_time), trade.amount_fen});
  }
  std::sort(timeline.begin(), timeline.end(), [](const Dated& a, const Dated& b) {
    return Moment{a.trade->trade_time, a.trade->id} < Moment{b.trade->trade_time, b.trade->id};
  });
  const auto& f = state.definition.filter;
  const auto window = date::days(*f.net_of_redemptions_within_days);
  const auto counted = [&](TradeKind kind) {
    return flow_sign(kind) > 0 &&
           (f.trade_kinds == 0 || (f.trade_kinds & (1u << static_cast<unsigned>(kind))) != 0);
  };
  std::vector<Dated*> inflows;  // counted inflows so far, in timeline order
  for (auto& entry : timeline) {
    if (counted(entry.trade->kind)) {
      inflows.push_back(&entry);
      continue;
    }
    if (!redeems(entry.trade->kind)) continue;
    std::int64_t redeemed = entry.trade->amount_fen;
    for (auto in = inflows.rbegin(); in != inflows.rend() && redeemed > 0; ++in) {
      if (entry.day - (*in)->day > window) break;  // older inflows are out of the window too
      const auto taken = std::min(redeemed, (*in)->left);
      (*in)->left -= taken;
      redeemed -= taken;
    }
  }
  for (const auto* in : inflows) {
    if (in->left == 0) continue;
    if (in->left == in->trade->amount_fen) {
      fold(state, *in->trade, in->day, sign);
    } else {
      fold(state, scaled(*in->trade, in->left), in->day, sign);
    }
  }
}

void MetricFold::fold_trade(State& state, const TradeFact& trade, int sign) {
  if (nets_redemptions(state)) {
    fold_netted(state, {trade.client_id, trade.product_id}, sign);
  } else {
    fold(state, trade, days_.day_of(trade.trade_time), sign);
  }
}

void MetricFold::fold(State& state, const ImportedFact& v, int sign) {
  if (state.definition.id != v.metric_id) return;
  // A day's value counts at that day's close, as the warehouse computes it for the whole day.
  moment_ = Moment{zone_.close_of(v.day), v.id};
  add(state, v.subject_id, core::period_of(v.day, state.definition.period).index, v.value, 0, sign);
}

void MetricFold::apply(const ImportedFact& value) {
  auto [it, fresh] = imported_.try_emplace(value.id, value);
  if (!fresh) {
    if (it->second.seq >= value.seq) return;
    for (auto& m : metrics_)
      fold(m, it->second, -1);
    it->second = value;
  }
  for (auto& m : metrics_)
    fold(m, value, +1);
}

void MetricFold::apply(const VisitFact& visit) {
  auto [it, fresh] = visits_.try_emplace(visit.id, visit);
  if (!fresh) {
    if (it->second.seq >= visit.seq) return;
    const auto before = days_.day_of(it->second.occurred_at);
    for (auto& m : metrics_)
      fold(m, it->second, before, -1);
    it->second = visit;
  }
  const auto day = days_.day_of(visit.occurred_at);
  for (auto& m : metrics_)
    fold(m, visit, day, +1);
}

void MetricFold::set_reference(Reference reference) {
  reference_ = std::move(reference);
  rebuild();
}

void MetricFold::set_campaign(CampaignFact campaign) {
  const auto id = campaign.id;
  reference_.campaigns.insert_or_assign(id, std::move(campaign));
  for (auto& m : metrics_) {
    if (m.definition.filter.campaign_id == id) refold(m);
  }
}

void MetricFold::refold(State& m, FoldObserver* only) {
  if (only) {
    only->reset(m.definition.id);
  } else {
    for (auto* observer : m.observers)
      observer->reset(m.definition.id);
  }
  only_ = only;
  m.values.clear();
  m.clients.clear();
  if (m.definition.source == MetricSource::transactions && nets_redemptions(m)) {
    for (const auto& [holding, ids] : trades_of_holding_)
      fold_netted(m, holding, +1);
  } else if (m.definition.source == MetricSource::transactions) {
    for (const auto& [id, trade] : trades_)
      fold(m, trade, days_.day_of(trade.trade_time), +1);
  }
  for (const auto& [id, visit] : visits_)
    fold(m, visit, days_.day_of(visit.occurred_at), +1);
  for (const auto& [id, value] : imported_)
    fold(m, value, +1);
  for (const auto& [id, target] : targets_)
    fold(m, target, +1);
  only_ = nullptr;
}

void MetricFold::rebuild() {
  for (auto& m : metrics_)
    refold(m);
}

void MetricFold::add_metric(MetricDefinition metric) {
  for (auto& m : metrics_) {
    if (m.definition.id == metric.id) {
      m.definition = std::move(metric);
      refold(m);
      return;
    }
  }
  metrics_.push_back(State{std::move(metric), {}, {}, {}});
  refold(metrics_.back());
}

void MetricFold::watch(std::int64_t metric_id, FoldObserver& observer) {
  for (auto& m : metrics_) {
    if (m.definition.id != metric_id) continue;
    if (std::find(m.observers.begin(), m.observers.end(), &observer) == m.observers.end())
      m.observers.push_back(&observer);
    refold(m, &observer);
    return;
  }
}

bool MetricFold::has_metric(std::int64_t metric_id) const {
  return metric(metric_id) != nullptr;
}

const MetricDefinition* MetricFold::metric(std::int64_t metric_id) const {
  for (const auto& m : metrics_) {
    if (m.definition.id == metric_id) return &m.definition;
  }
  return nullptr;
}

std::int64_t MetricFold::value(std::int64_t metric_id, std::int64_t subject_id,
                               core::Period period) const {
  for (const auto& m : metrics_) {
    if (m.definition.id != metric_id) continue;
    if (m.definition.period != period.kind) return 0;
    const auto it = m.values.find(Key{subject_id, period.index});
    return it == m.values.end() ? 0 : it->second;
  }
  return 0;
}

std::vector<MetricFold::Cell> MetricFold::cells(std::int64_t metric_id) const {
  std::vector<Cell> out;
  for (const auto& m : metrics_) {
    if (m.definition.id != metric_id) continue;
    for (const auto& [key, value] : m.values) {
      out.push_back({key.subject, core::Period{m.definition.period, key.period}, value});
    }
  }
  return out;
}

std::vector<MetricFold::Cell> MetricFold::cells(std::int64_t metric_id, core::Period period) const {
  std::vector<Cell> out;
  for (const auto& m : metrics_) {
    if (m.definition.id != metric_id || m.definition.period != period.kind) continue;
    for (const auto& [key, value] : m.values) {
      if (key.period == period.index) out.push_back({key.subject, period, value});
    }
  }
  return out;
}

std::size_t MetricFold::cell_count() const {
  std::size_t n = 0;
  for (const auto& m : metrics_)
    n += m.values.size();
  return n;
}

}  // namespace laurel::engine
