#include "engine/recognition.hpp"

namespace laurel::engine {

Recognition::Recognition(core::CompanyZone zone)
    : fold({}, zone),
      thresholds(fold),
      first_orders(fold.reference(), zone),
      holdings_metrics(holdings, fold.reference(), coverage),
      balance_thresholds(holdings_metrics, zone),
      milestones(holdings, fold.reference(), zone),
      activations(holdings, zone),
      boards(fold, holdings_metrics, coverage),
      leaders(fold, boards),
      points(zone),
      badges(zone),
      challenges(fold) {
  holdings.add_listener(holdings_metrics);
  coverage.add_listener(holdings_metrics);
  holdings.add_listener(milestones);
  holdings.add_listener(activations);
  holdings.add_listener(boards);  // after holdings_metrics: boards read its figures
}

void Recognition::begin(EventContext event) {
  challenges.begin(event);  // first: what settles before the event is judged without it
  thresholds.begin(event);
  balance_thresholds.begin(event);
  first_orders.begin(event);
  milestones.begin(event);
  activations.begin(event);
  leaders.begin(event);
  points.begin(event);
  badges.begin(event);
}

void Recognition::settle() {
  thresholds.settle();
  balance_thresholds.settle();
  first_orders.settle();
  milestones.settle();
  activations.settle();
  boards.settle();
  leaders.settle();
  points.settle();
  badges.settle();
  challenges.settle();
}

void Recognition::apply(const TradeFact& trade) {
  fold.apply(trade);
  first_orders.apply(trade);
  activations.apply(trade);
  holdings.apply(trade);
}

void Recognition::add_metric(MetricDefinition metric) {
  if (is_holdings_kind(metric.kind)) {
    holdings_metrics.add_metric(std::move(metric));
  } else {
    fold.add_metric(std::move(metric));
  }
}

const MetricDefinition* Recognition::metric(std::int64_t metric_id) const {
  if (const auto* m = fold.metric(metric_id)) return m;
  return holdings_metrics.metric(metric_id);
}

void Recognition::set_product_type(std::int64_t product_id, const std::string& type) {
  const auto& known = fold.reference().products;
  if (const auto it = known.find(product_id); it != known.end() && it->second.type == type) return;
  auto reference = fold.reference();
  reference.products[product_id].type = type;
  fold.set_reference(std::move(reference));
  holdings_metrics.rejudge();
  milestones.rejudge();
}

void Recognition::set_campaign(const CampaignFact& campaign) {
  fold.set_campaign(campaign);
  first_orders.set_campaign(campaign);
  boards.membership_changed();
  leaders.membership_changed();
}

void Recognition::set_staff(std::int64_t staff_id, bool active,
                            std::vector<std::pair<date::sys_days, std::int64_t>> assignments) {
  coverage.set_assignments(staff_id, std::move(assignments));
  boards.set_staff(staff_id, active);
  boards.membership_changed();
  leaders.membership_changed();
}

void Recognition::set_department_parent(std::int64_t department_id, std::int64_t parent_id) {
  const auto& known = fold.reference().department_parent;
  if (const auto it = known.find(department_id); it != known.end() && it->second == parent_id) {
    return;
  }
  auto reference = fold.reference();
  reference.department_parent[department_id] = parent_id;
  fold.set_reference(std::move(reference));
  first_orders.rejudge();
  holdings_metrics.rejudge_departments();
  boards.membership_changed();
  leaders.membership_changed();
}

}  // namespace laurel::engine
