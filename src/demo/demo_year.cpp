// The demo company's year, day by day: trades each working day (for the day before, as the TA
// system confirms them), visits logged at the end of each week by whoever went, service records,
// opportunities moving through their stages, monthly targets, two campaigns, and a salesperson
// moving from 华东 to 华南 half-way through.

#include <algorithm>
#include <cmath>

#include "crm/target_period.hpp"
#include "demo/demo_calendar.hpp"
#include "demo/demo_names.hpp"
#include "demo/demo_trades.hpp"
#include "demo/demo_world.hpp"

namespace laurel::demo {
namespace {

constexpr double kVisitsPerWorkingDay = 206;
constexpr double kServiceRecordsPerWeek = 40;
constexpr double kOpportunitiesPerWeek = 6;

struct OpenFollowUp {
  std::int64_t visit_id = 0;
  core::LocalDate due{};
  std::size_t author = 0;
};

struct OpenOpportunity {
  std::int64_t id = 0;
  std::string stage;
  std::size_t owner = 0;
};

class Year {
 public:
  Year(World& world, DemoSummary& summary) : w_(world), summary_(summary), trades_(world) {}

  void run();

 private:
  void campaigns();
  void monthly_targets(core::LocalDate first_of_month);
  void campaign_targets(std::int64_t campaign_id, const crm::CampaignInput& campaign,
                        const std::vector<std::int64_t>& departments);
  double book_size(std::size_t person) const;
  void trades(core::LocalDate day);
  void plan_visits(core::LocalDate day);
  void end_of_week(core::LocalDate day);
  void transfer(core::LocalDate day);
  std::size_t manager_of(std::size_t person) const;

  World& w_;
  DemoSummary& summary_;
  TradeBook trades_;
  std::map<std::size_t, std::vector<crm::VisitRow>> week_visits_;  // by author
  std::vector<OpenFollowUp> follow_ups_;
  std::vector<OpenOpportunity> opportunities_;
  std::optional<core::LocalDate> previous_trading_day_;
  // Each client's subscriptions since `subscriptions_since_`: what the next quarter's client
  // targets are set from, as a manager would set them from the quarter before.
  std::map<std::int64_t, core::Fen> subscriptions_;
  std::optional<core::LocalDate> subscriptions_since_;
  core::LocalDate transfer_day_{};
  core::LocalDate costs_day_{};
};

std::size_t Year::manager_of(std::size_t person) const {
  for (auto m : w_.managers) {
    if (w_.people[m].department_id == w_.people[person].department_id) return m;
  }
  return w_.managers.front();  // the head of sales manages everyone
}

void Year::campaigns() {
  auto& s = w_.services;
  w_.at(plus_days(w_.first_day, -30), 9);
  crm::CampaignInput steady;
  steady.name = "稳健理财季";
  steady.description = "债券基金专项营销，全公司参与";
  steady.starts_on = plus_days(w_.first_day, 60);
  steady.ends_on = plus_days(w_.first_day, 120);
  steady.target = 10'000'000'000'00;  // 100亿
  crm::CampaignInput sprint;
  sprint.name = "年末权益冲刺";
  sprint.description = "权益、混合与指数基金年末冲刺，三个区域销售部参与";
  sprint.starts_on = plus_days(w_.options.as_of, -45);
  sprint.ends_on = plus_days(w_.options.as_of, 30);
  sprint.target = 5'000'000'000'00;  // 50亿
  for (std::size_t p = 0; p < w_.products.size(); ++p) {
    const auto& type = w_.products[p].type;
    if (type == "bond") steady.product_ids.push_back(w_.products[p].id);
    if (type == "equity" || type == "mixed" || type == "index") {
      sprint.product_ids.push_back(w_.products[p].id);
    }
  }
  for (const auto& [region, id] : w_.regional_department)
    sprint.department_ids.push_back(id);
  w_.campaigns.push_back(
      must(s.campaigns.create(steady, w_.admin, w_.system), "campaign").campaign.id);
  w_.campaigns.push_back(
      must(s.campaigns.create(sprint, w_.admin, w_.system), "campaign").campaign.id);
  summary_.campaigns = 2;
  costs_day_ = plus_days(w_.options.as_of, -30);
  // Each participant's share of a campaign's target, by the size of their book, for the
  // campaign's achievement boards; the sprint's regional departments get theirs too.
  campaign_targets(w_.campaigns[0], steady, {});
  campaign_targets(w_.campaigns[1], sprint, sprint.department_ids);
}

// What a person's clients are expected to trade: as often as weight^0.8 (demo_trades.cpp), as
// much as weight^0.5 a time.
double Year::book_size(std::size_t person) const {
  double size = 0;
  for (auto c : w_.clients_of.at(person)) {
    if (w_.clients[c].trades) size += std::pow(w_.clients[c].weight, 1.3);
  }
  return size;
}

void Year::campaign_targets(std::int64_t campaign_id, const crm::CampaignInput& campaign,
                            const std::vector<std::int64_t>& departments) {
  auto& s = w_.services;
  const auto year = crm::periods_containing(campaign.starts_on)[2].key;
  std::vector<std::size_t> taking_part;
  double total = 0;
  for (auto p : w_.salespeople) {
    if (!departments.empty() && std::find(departments.begin(), departments.end(),
                                          w_.people[p].department_id) == departments.end()) {
      continue;
    }
    if (!w_.clients_of.contains(p)) continue;
    taking_part.push_back(p);
    total += book_size(p);
  }
  std::map<std::int64_t, core::Fen> by_department;
  for (auto p : taking_part) {
    // Whole 万 of the person's share of the campaign's target.
    const auto amount =
        std::max<core::Fen>(static_cast<core::Fen>(static_cast<double>(campaign.target) *
                                                   book_size(p) / total / 1'000'000) *
                                1'000'000,
                            1'000'000);
    crm::TargetInput target{
        "staff", w_.people[p].staff_id, std::nullopt, campaign_id, "subscription",
        year,    {amount, std::nullopt}};
    must(s.targets.create(target, w_.people[manager_of(p)].principal, w_.system),
         "campaign target");
    ++summary_.targets;
    by_department[w_.people[p].department_id] += amount;
    // The whole company's campaign: the head office's target is everyone's under it too.
    if (departments.empty() && w_.people[p].department_id != w_.head_department) {
      by_department[w_.head_department] += amount;
    }
  }
  for (const auto& [department, amount] : by_department) {
    if (!departments.empty() &&
        std::find(departments.begin(), departments.end(), department) == departments.end()) {
      continue;
    }
    crm::TargetInput target{"department",   department, std::nullopt,          campaign_id,
                            "subscription", year,       {amount, std::nullopt}};
    must(s.targets.create(target, w_.people[w_.managers.front()].principal, w_.system),
         "campaign department target");
    ++summary_.targets;
  }
}

void Year::monthly_targets(core::LocalDate first_of_month) {
  auto& s = w_.services;
  const auto periods = crm::periods_containing(first_of_month);
  std::map<std::int64_t, core::Fen> department_totals;
  for (auto p : w_.salespeople) {
    double size = 0;
    for (auto c : w_.clients_of[p])
      size += std::sqrt(w_.clients[c].weight);
    const core::Fen amount = std::clamp<core::Fen>(static_cast<core::Fen>(size * 10) * 1'000'000'00,
                                                   10'000'000'00, 500'000'000'00);
    const auto& manager = w_.people[manager_of(p)].principal;
    crm::TargetInput target{
        "staff",        w_.people[p].staff_id, std::nullopt,          std::nullopt,
        "subscription", periods[0].key,        {amount, std::nullopt}};
    must(s.targets.create(target, manager, w_.system), "subscription target");
    target.metric = "visits";
    target.value = {std::nullopt, 80};
    must(s.targets.create(target, manager, w_.system), "visit target");
    summary_.targets += 2;
    department_totals[w_.people[p].department_id] += amount * 3;
  }
  const bool quarter_starts = (static_cast<unsigned>(first_of_month.month()) - 1) % 3 == 0;
  if (!quarter_starts) return;
  // Client targets for each salesperson's three largest clients, for the quarter (client target
  // achievement's board): the client's subscriptions of the quarter before (scaled up when the
  // demo's year began inside it), give or take.
  const double quarter_share =
      subscriptions_since_
          ? 91.0 / std::max<double>(
                       1, (date::sys_days(first_of_month) - date::sys_days(*subscriptions_since_))
                              .count())
          : 0;
  for (auto p : w_.salespeople) {
    auto clients = w_.clients_of[p];
    std::erase_if(clients, [&](std::size_t c) { return w_.clients[c].primary != p; });
    std::sort(clients.begin(), clients.end(), [&](std::size_t a, std::size_t b) {
      return w_.clients[a].weight > w_.clients[b].weight;
    });
    if (clients.size() > 3) clients.resize(3);
    for (auto c : clients) {
      const double before = static_cast<double>(subscriptions_[w_.clients[c].id]) * quarter_share;
      if (before < 1'000'000'00) continue;  // under 100万 a quarter: no target worth setting
      // Whole 万, between 80% and 130% of the quarter before (by the client and the quarter,
      // not by the demo's random stream: the rest of the year stays as it was).
      const auto hash = static_cast<std::uint64_t>(w_.clients[c].id) * 2654435761u +
                        static_cast<unsigned>(first_of_month.month());
      const auto spread = static_cast<double>(hash % 1000) / 1000;
      const core::Fen amount =
          static_cast<core::Fen>(before * (0.8 + 0.5 * spread) / 1'000'000) * 1'000'000;
      crm::TargetInput target{
          "staff",        w_.people[p].staff_id, w_.clients[c].id,      std::nullopt,
          "subscription", periods[1].key,        {amount, std::nullopt}};
      must(s.targets.create(target, w_.people[manager_of(p)].principal, w_.system),
           "client target");
      ++summary_.targets;
    }
  }
  subscriptions_.clear();
  subscriptions_since_ = first_of_month;
  for (const auto& [department, total] : department_totals) {
    crm::TargetInput target{"department",   department,     std::nullopt,         std::nullopt,
                            "subscription", periods[1].key, {total, std::nullopt}};
    must(s.targets.create(target, w_.people[w_.managers.front()].principal, w_.system),
         "department target");
    ++summary_.targets;
  }
}

void Year::trades(core::LocalDate day) {
  std::vector<crm::BatchRow> rows;
  if (previous_trading_day_) rows = trades_.day(*previous_trading_day_, day);
  if (day == w_.last_day) {
    auto pending = trades_.day(day, std::nullopt);  // today's trades: not confirmed yet
    std::move(pending.begin(), pending.end(), std::back_inserter(rows));
  }
  previous_trading_day_ = day;
  if (rows.empty()) return;
  if (!subscriptions_since_) subscriptions_since_ = day;
  for (const auto& row : rows) {
    if (row && (row->kind == "subscribe" || row->kind == "purchase") && row->status != "failed" &&
        row->status != "cancelled") {
      subscriptions_[row->client_id.value_or(0)] += row->amount;
    }
  }
  w_.at(day, 18);
  auto report = must(w_.services.transactions.import(rows, false, w_.ta_system), "trades");
  summary_.transactions += report.applied;
}

void Year::plan_visits(core::LocalDate day) {
  const bool working = is_working_day(day);
  const auto count = working
                         ? static_cast<int>(kVisitsPerWorkingDay * (0.8 + 0.4 * w_.random.unit()))
                         : static_cast<int>(w_.random.between(0, 4));  // a weekend roadshow
  for (int i = 0; i < count; ++i) {
    const auto person = w_.random.pick(w_.salespeople);
    const auto& mine = w_.clients_of[person];
    if (mine.empty()) continue;
    const auto& client = w_.clients[w_.random.pick(mine)];
    crm::VisitInput v;
    const double u = w_.random.unit();
    v.kind = u < 0.45   ? "visit"
             : u < 0.75 ? "call"
             : u < 0.85 ? "meeting"
             : u < 0.9  ? "roadshow"
                        : "online";
    v.client_id = client.id;
    v.occurred_at = w_.local(day, static_cast<int>(w_.random.between(9, 17)),
                             static_cast<int>(w_.random.between(0, 59)));
    const auto attendees = w_.random.chance(0.15) ? 0 : w_.random.between(1, 3);
    WeightedPicker who(client.attention);
    for (int a = 0; a < attendees; ++a) {
      const auto id = client.key_people[who.pick(w_.random)];
      if (std::find(v.attendee_ids.begin(), v.attendee_ids.end(), id) == v.attendee_ids.end()) {
        v.attendee_ids.push_back(id);
      }
    }
    std::string product;
    if (w_.random.chance(0.6)) {
      const auto& p = w_.products[w_.random.pick(client.products)];
      v.product_ids = {p.id};
      product = p.name;
    }
    v.notes = visit_notes(w_.random, product);
    std::vector<std::int64_t> staff{w_.people[person].staff_id};
    if (client.secondary && *client.secondary != person && w_.random.chance(0.3)) {
      staff.push_back(w_.people[*client.secondary].staff_id);
    }
    v.staff_ids = staff;
    if (w_.random.chance(0.2)) {
      v.next_step = next_step(w_.random);
      v.follow_up_date = plus_days(day, static_cast<int>(w_.random.between(3, 14)));
    }
    week_visits_[person].emplace_back(std::move(v));
  }
}

void Year::end_of_week(core::LocalDate day) {
  auto& s = w_.services;
  w_.at(day, 20);
  // Visits, logged by whoever went.
  for (auto& [author, rows] : week_visits_) {
    const auto& principal = w_.people[author].principal;
    auto report =
        must(s.visits.record_batch(rows, false, principal, auth::Actor::of(principal)), "visits");
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i]->follow_up_date && report.rows[i].id) {
        follow_ups_.push_back({*report.rows[i].id, *rows[i]->follow_up_date, author});
      }
    }
    summary_.visits += rows.size();
  }
  week_visits_.clear();
  // Most follow-ups are done by their date; a few stay open ("my day" shows them overdue).
  std::vector<OpenFollowUp> still_open;
  for (const auto& f : follow_ups_) {
    if (f.due > day) {
      still_open.push_back(f);
    } else if (w_.random.chance(0.92)) {
      const auto& principal = w_.people[f.author].principal;
      must(s.visits.complete_follow_up(f.visit_id, principal, auth::Actor::of(principal)),
           "follow-up");
    }
  }
  follow_ups_ = std::move(still_open);
  // Service records of the week.
  const auto records = static_cast<int>(kServiceRecordsPerWeek * (0.7 + 0.6 * w_.random.unit()));
  const char* kinds[] = {"operations", "account_service", "consultation", "trading_support"};
  const char* research_kinds[] = {"research", "training"};
  for (int i = 0; i < records; ++i) {
    const auto person = w_.random.pick(w_.service_staff);
    const bool researcher =
        w_.people[person].department_id != w_.people[w_.service_staff.front()].department_id;
    crm::ServiceRecordInput r;
    r.client_id = w_.clients[static_cast<std::size_t>(w_.random.between(
                                 0, static_cast<std::int64_t>(w_.clients.size()) - 1))]
                      .id;
    r.kind = researcher ? w_.random.pick(research_kinds) : w_.random.pick(kinds);
    r.text = service_text(w_.random, r.kind);
    r.occurred_at = w_.local(plus_days(day, -static_cast<int>(w_.random.between(0, 6))), 10);
    const auto& principal = w_.people[person].principal;
    must(s.service_records.create(r, principal, auth::Actor::of(principal)), "service record");
    ++summary_.service_records;
  }
  // Opportunities: new ones, and open ones moving on.
  for (auto& o : opportunities_) {
    if (!w_.random.chance(0.3)) continue;
    crm::StageMove move;
    if (o.stage == "prospect")
      move.stage = "contacted";
    else if (o.stage == "contacted")
      move.stage = "proposal";
    else if (w_.random.chance(0.55))
      move.stage = "won";
    else {
      move.stage = "lost";
      const char* reasons[] = {"客户选择了同业产品", "预算推迟到明年", "投委会未通过",
                               "费率未谈拢"};
      move.lost_reason = w_.random.pick(reasons);
    }
    const auto& principal = w_.people[o.owner].principal;
    must(s.opportunities.move(o.id, move, principal, auth::Actor::of(principal)), "stage");
    o.stage = move.stage;
  }
  std::erase_if(opportunities_,
                [](const auto& o) { return o.stage == "won" || o.stage == "lost"; });
  const auto fresh =
      static_cast<int>(w_.random.between(kOpportunitiesPerWeek - 2, kOpportunitiesPerWeek + 2));
  for (int i = 0; i < fresh; ++i) {
    const auto person = w_.random.pick(w_.salespeople);
    const auto& mine = w_.clients_of[person];
    if (mine.empty()) continue;
    const auto& client = w_.clients[w_.random.pick(mine)];
    const auto& product = w_.products[w_.random.pick(client.products)];
    crm::OpportunityInput o;
    o.client_id = client.id;
    o.title = product.name + "配置";
    o.product_ids = {product.id};
    o.expected = static_cast<core::Fen>(w_.random.lognormal(std::log(5e6), 0.8) *
                                        std::sqrt(client.weight) / 10000) *
                 10000 * 100;
    o.expected_close_date = plus_days(day, static_cast<int>(w_.random.between(30, 120)));
    const auto& principal = w_.people[person].principal;
    auto created =
        must(s.opportunities.create(o, principal, auth::Actor::of(principal)), "opportunity");
    opportunities_.push_back({created.id, "prospect", person});
    ++summary_.opportunities;
  }
}

void Year::transfer(core::LocalDate day) {
  // The fourth salesperson of 华东 moves to 华南 and keeps their clients.
  std::size_t count = 0;
  for (auto p : w_.salespeople) {
    if (w_.people[p].department_id != w_.regional_department.at("华东") || ++count < 4) continue;
    w_.at(day, 9);
    must(w_.services.staff.transfer(w_.people[p].staff_id, w_.regional_department.at("华南"), day,
                                    w_.system),
         "transfer");
    w_.people[p].department_id = w_.regional_department.at("华南");
    return;
  }
}

void Year::run() {
  campaigns();
  transfer_day_ = plus_days(w_.first_day, 182);
  while (!is_working_day(transfer_day_))
    transfer_day_ = plus_days(transfer_day_, 1);
  for (auto day = w_.first_day; day <= w_.last_day; day = plus_days(day, 1)) {
    if (day == w_.first_day || static_cast<unsigned>(day.day()) == 1) {
      w_.at(day, 8);
      monthly_targets(day);
    }
    if (day == transfer_day_) transfer(day);
    if (day == costs_day_) {
      w_.at(day, 10);
      const char* items[][2] = {
          {"event", "上海客户策略会场地"}, {"materials", "路演材料印制"}, {"gifts", "客户纪念品"}};
      core::Fen amount = 86'000'00;
      for (const auto& item : items) {
        must(w_.services.campaigns.add_cost(
                 w_.campaigns[1], {day, item[0], amount += 12'345'00, std::string(item[1])},
                 w_.admin, w_.system),
             "campaign cost");
      }
    }
    plan_visits(day);
    if (is_trading_day(day)) trades(day);
    const bool week_ends = date::weekday{date::sys_days(day)} == date::Sunday;
    if (week_ends || day == w_.last_day) end_of_week(day);
  }
}

}  // namespace

void run_the_year(World& world, DemoSummary& summary) {
  Year(world, summary).run();
}

}  // namespace laurel::demo
