// The demo's clients: institutions of every type in three regions, their coverage (one primary
// salesperson, some with a secondary on a 60/40 or 70/30 split), their org charts and key people.

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/pinyin.hpp"
#include "crm/credit_code.hpp"
#include "demo/demo_names.hpp"
#include "demo/demo_world.hpp"

namespace laurel::demo {
namespace {

constexpr int kClients = 800;

const char* client_type(Random& random) {
  const double u = random.unit();
  if (u < 0.25) return "bank";
  if (u < 0.37) return "insurer";
  if (u < 0.47) return "broker";
  if (u < 0.55) return "fund";
  if (u < 0.65) return "pension";
  if (u < 0.73) return "trust";
  if (u < 0.95) return "corporate";
  return "other";
}

std::string registration_code(int serial) {
  char body[18];
  std::snprintf(body, sizeof body, "91%06d%09d", 110000 + (serial % 7) * 10000, 100000000 + serial);
  return std::string(body, 17) + crm::credit_code_check_character(std::string_view(body, 17));
}

// Who covers a client: banks the bank channel, insurers and pension plans their department,
// everyone else the regional department of the client's city.
std::int64_t covering_department(const World& w, const std::string& type, const City& city) {
  if (type == "bank") return w.bank_department;
  if (type == "insurer" || type == "pension") return w.insurance_department;
  return w.regional_department.at(city.region);
}

void add_key_people(World& w, ClientInfo& client, const std::string& type) {
  auto& s = w.services;
  const auto head_office =
      must(s.org_charts.create({client.id, std::nullopt, head_office_name(type)}, w.system),
           "head office")
          .id;
  std::vector<std::int64_t> units;
  for (const auto& name : org_unit_names(w.random, type)) {
    units.push_back(must(s.org_charts.create({client.id, head_office, name}, w.system), name).id);
  }
  const int count = 4 + static_cast<int>(w.random.between(0, 4)) + (client.weight > 8 ? 4 : 0);
  const char* roles[] = {"investment_decision", "trading", "operations", "risk_control", "other"};
  std::map<std::int64_t, std::int64_t> unit_head;  // unit -> its first person
  for (int i = 0; i < count; ++i) {
    crm::KeyPersonFields f;
    f.name = person_name(w.random);
    const bool head = i == 0;
    f.decision_role = head ? "investment_decision" : roles[i % 5 == 0 ? 0 : w.random.between(0, 4)];
    f.influence = head || (f.decision_role == "investment_decision" && w.random.chance(0.6))
                      ? "decision_maker"
                  : w.random.chance(0.6) ? "influencer"
                                         : "gatekeeper";
    f.title = title_for(w.random, f.decision_role, head);
    f.org_unit_id = head ? head_office : units[static_cast<std::size_t>(i) % units.size()];
    if (!head) {
      auto [it, first] = unit_head.try_emplace(*f.org_unit_id, 0);
      f.reports_to_id = first ? client.key_people.front() : it->second;
    }
    char phone[16];
    std::snprintf(phone, sizeof phone, "1%d%09lld", static_cast<int>(w.random.between(3, 9)),
                  static_cast<long long>(w.random.between(0, 999'999'999)));
    f.phone = phone;
    f.email = core::pinyin_full(f.name) + "@client" + std::to_string(client.id) + ".example.cn";
    if (w.random.chance(0.5)) f.wechat = "wx_" + core::pinyin_full(f.name);
    if (f.influence == "decision_maker") f.touch_frequency_days = w.random.chance(0.5) ? 30 : 60;
    const auto id =
        must(s.key_people.create({client.id, f}, w.admin, w.system), "key person").person.id;
    if (!head && unit_head[*f.org_unit_id] == 0) unit_head[*f.org_unit_id] = id;
    client.key_people.push_back(id);
    // Salespeople meet some people far more than others; one decision maker per client is
    // hard to reach (the one "my day" will flag).
    double attention = f.influence == "decision_maker" ? 2.0 : 1.0;
    if (!head && f.influence == "decision_maker" && w.random.chance(0.5)) attention = 0.05;
    client.attention.push_back(attention);
  }
}

}  // namespace

void build_clients(World& w) {
  auto& s = w.services;
  std::set<std::string> names;
  std::map<std::int64_t, std::vector<std::size_t>> sales_by_department;
  for (auto p : w.salespeople)
    sales_by_department[w.people[p].department_id].push_back(p);
  // The two head-office salespeople cover the largest clients of any type with someone else.
  const auto head_office_sales = sales_by_department[w.head_department];
  bool first_split = true;
  const auto coverage_from = plus_days(w.first_day, -60);

  for (int serial = 1; serial <= kClients; ++serial) {
    ClientInfo c;
    c.type = client_type(w.random);
    const auto& city = w.random.pick(cities());
    c.weight = std::min(w.random.pareto(1.16), 400.0);
    c.trades = w.random.chance(0.9);  // one in ten is still a prospect
    auto name = institution_name(w.random, c.type, city, names);
    c.id = must(s.clients.create({name.name, name.short_name, registration_code(serial), c.type,
                                  std::string(city.name)},
                                 w.system),
                name.name)
               .id;
    const auto& team = sales_by_department[covering_department(w, c.type, city)];
    c.primary = w.random.pick(team);
    std::vector<store::CoverageMember> members;
    if (c.weight > 6 && w.random.chance(0.5)) {
      // A secondary: the first on a 60/40 split, then 60/40, 70/30 or 50/50.
      c.secondary = w.random.pick(head_office_sales);
      const int primary_share = first_split ? 60 : w.random.pick(std::vector<int>{60, 70, 50});
      first_split = false;
      members = {{w.people[c.primary].staff_id, "primary", primary_share},
                 {w.people[*c.secondary].staff_id, "secondary", 100 - primary_share}};
    } else {
      members = {{w.people[c.primary].staff_id, "primary", 100}};
    }
    must(s.coverage.set(c.id, {coverage_from, members}, w.system), "coverage");
    // Holdings: a few funds, more for larger clients; money-market funds for most.
    const auto held = 2 + static_cast<std::size_t>(std::min(6.0, c.weight / 4));
    for (std::size_t i = 0; i < held; ++i) {
      const auto product = static_cast<std::size_t>(
          w.random.between(0, static_cast<std::int64_t>(w.products.size()) - 1));
      if (std::find(c.products.begin(), c.products.end(), product) == c.products.end()) {
        c.products.push_back(product);
      }
    }
    add_key_people(w, c, c.type);
    w.clients_of[c.primary].push_back(w.clients.size());
    if (c.secondary) w.clients_of[*c.secondary].push_back(w.clients.size());
    w.clients.push_back(std::move(c));
  }
  // The client that goes dormant and comes back: a mid-sized corporate, traded only by script.
  for (std::size_t i = 0; i < w.clients.size(); ++i) {
    auto& c = w.clients[i];
    if (c.type == "corporate" && c.trades && c.weight > 1.5 && c.weight < 5) {
      c.trades = false;
      w.reactivated = i;
      break;
    }
  }
}

}  // namespace laurel::demo
