// The demo company's rewards shop and this week's challenges, made at the end of its year so
// the pages a manager opens first have something to show: a catalogue (instant and approved
// items, one for the higher levels), salespeople's orders in every status — a few waiting in the
// approvals queue — and challenges under way in the week of the as-of date (a key-person goal
// for one region's salespeople with reward points, a head-to-head between two regions).

#include <boost/json/serialize.hpp>

#include "core/period.hpp"
#include "demo/demo_world.hpp"

namespace laurel::demo {
namespace {

namespace json = boost::json;

std::vector<std::int64_t> build_catalogue(World& w) {
  const std::vector<json::object> items{
      {{"name", "星巴克咖啡券"},
       {"description", "中杯任选一杯，电子券当日发到企业微信"},
       {"price", 300},
       {"approval_required", false}},
      {{"name", "定制保温杯"}, {"description", "公司 logo 定制款"}, {"price", 1200}, {"stock", 40}},
      {{"name", "年假半天"},
       {"description", "与直属经理商定日期"},
       {"price", 5000},
       {"per_person_limit", 2}},
      {{"name", "行业峰会门票"},
       {"description", "年度资管峰会一张，含差旅"},
       {"price", 20000},
       {"stock", 5},
       {"visible_from_level", "高手"}},
      {{"name", "降噪耳机"}, {"price", 15000}, {"stock", 3}},
  };
  std::vector<std::int64_t> ids;
  for (const auto& item : items) {
    auto input = must(crm::read_reward_input(json::serialize(item)), "reward");
    ids.push_back(must(w.services.rewards.create(std::move(input), w.system), "reward").id);
  }
  return ids;
}

// A few salespeople spend some of their year's points: coffee at once, the rest waiting for the
// division's head, who approves one and turns one down (the stock ran out) — the rest stay in
// the queue for the tour.
void place_orders(World& w, const std::vector<std::int64_t>& items) {
  const auto& head = w.people[w.managers.front()].principal;
  int n = 0;
  for (const auto person : w.salespeople) {
    if (n == 6) break;
    const auto& who = w.people[person];
    crm::OrderInput coffee{items[0], 2, "demo-coffee-" + std::to_string(who.staff_id), {}};
    if (!w.services.rewards.place(who.principal, coffee, auth::Actor::of(who.principal))) continue;
    const auto item = items[1 + n % 2];  // a cup or half a day off
    crm::OrderInput order{item, 1, "demo-order-" + std::to_string(who.staff_id), {}};
    auto placed = w.services.rewards.place(who.principal, order, auth::Actor::of(who.principal));
    if (!placed) continue;
    const auto id = placed->view.order.id;
    if (n == 0)
      must(w.services.rewards.approve(head, id, "下周一找行政领取", auth::Actor::of(head)),
           "approve");
    if (n == 1)
      must(w.services.rewards.reject(head, id, "本月额度已满，下月再申请", auth::Actor::of(head)),
           "reject");
    ++n;
  }
}

void set_challenges(World& w) {
  const auto week = core::format_period(core::period_of(w.options.as_of, core::PeriodKind::week));
  // One region's salespeople (the first region made), each towards five key-person visits.
  const auto region = w.regional_department.begin()->second;
  json::array people;
  for (const auto person : w.salespeople) {
    if (w.people[person].department_id == region && people.size() < 50)
      people.push_back(w.people[person].staff_id);
  }
  json::array regions;
  for (const auto& [name, id] : w.regional_department) {
    if (regions.size() < 2) regions.push_back(id);
  }
  const std::vector<json::object> challenges{
      {{"name", "本周关键人五见"},
       {"description", "本周见到客户关键人 5 次，完成即得 200 积分"},
       {"kind", "goal"},
       {"metric_id", w.metric_ids.at("staff.weekly.key_person_visits")},
       {"period", week},
       {"goal", 5},
       {"participants", people},
       {"reward_points", 200}},
      {{"name", "区域对决：债基净流入"},
       {"description", "本周债基净流入多的一方胜"},
       {"kind", "head_to_head"},
       {"metric_id", w.metric_ids.at("department.weekly.bond_net_flow")},
       {"period", week},
       {"participants", regions}},
  };
  for (const auto& c : challenges) {
    auto input = must(crm::read_challenge_input(json::serialize(c)), "challenge");
    must(w.services.challenges.create(std::move(input), w.system), "challenge");
  }
}

}  // namespace

void build_shop_and_challenges(World& w) {
  place_orders(w, build_catalogue(w));
  set_challenges(w);
}

}  // namespace laurel::demo
