#include "crm/campaign_service.hpp"

#include <algorithm>
#include <array>
#include <boost/json/value_from.hpp>
#include <set>

#include "core/timestamp.hpp"
#include "crm/built_in_boards.hpp"
#include "crm/management_scope.hpp"
#include "crm/percent.hpp"
#include "crm/product_service.hpp"
#include "crm/record_checks.hpp"
#include "crm/text_rules.hpp"

namespace laurel::crm {
namespace {

using core::Error;

constexpr std::array<std::string_view, 7> kCostCategories = {
    "event", "gifts", "advertising", "travel", "materials", "incentives", "other"};

std::vector<std::int64_t> sorted(std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

// Everything a campaign must satisfy whoever writes it.
core::Status check_campaign(store::Connection& db, const store::CampaignRecord& c) {
  if (auto s = check_text("name", c.name, 100); !s) return s;
  if (c.description) {
    if (auto s = check_long_text("description", *c.description, 2000); !s) return s;
  }
  if (c.ends_on < c.starts_on) return Error::invalid("ends_on", "is before starts_on");
  if (c.product_ids.empty()) return Error::invalid("product_ids", "must name at least one product");
  if (auto s = check_all_exist(db, RecordKind::product, "product_ids", c.product_ids); !s) return s;
  if (auto s = check_all_exist(db, RecordKind::department, "department_ids", c.department_ids);
      !s) {
    return s;
  }
  return check_all_exist(db, RecordKind::staff, "staff_ids", c.staff_ids);
}

core::Status check_manages(store::Connection& db, const DataScope& scope,
                           const store::CampaignRecord& c) {
  if (scope.everything) return {};
  if (c.department_ids.empty() && c.staff_ids.empty()) {
    return Error::forbidden("a campaign for the whole company is managed by admins");
  }
  for (auto department : c.department_ids) {
    if (!manages_department(scope, department)) {
      return outside_management("department " + std::to_string(department));
    }
  }
  for (auto staff : c.staff_ids) {
    auto managed = manages_staff(db, scope, staff);
    if (!managed) return managed.error();
    if (!*managed) return outside_management("staff member " + std::to_string(staff));
  }
  return {};
}

core::Status check_name_free(store::Connection& db, const std::string& name, std::int64_t self) {
  auto existing = store::CampaignRepository(db).find_by_name(name);
  if (!existing) return existing.error();
  if (*existing && **existing != self) {
    return Error::conflict("campaign " + std::to_string(**existing) + " already has this name",
                           "name");
  }
  return {};
}

core::Status append(const EventLog& events, store::Connection& db, const auth::Actor& actor,
                    std::string type, std::int64_t id, std::optional<boost::json::value> before,
                    std::optional<boost::json::value> after) {
  CrmEvent event{std::move(type),   "campaign",       std::to_string(id),
                 std::move(before), std::move(after), std::nullopt};
  auto seq = events.append(db, actor, event);
  if (!seq) return seq.error();
  return {};
}

}  // namespace

std::span<const std::string_view> campaign_cost_categories() {
  return kCostCategories;
}

boost::json::object campaign_to_json(const store::CampaignRecord& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"description", c.description ? boost::json::value(*c.description) : nullptr},
          {"starts_on", c.starts_on},
          {"ends_on", c.ends_on},
          {"target_amount", core::format_amount(c.target_fen)},
          {"product_ids", boost::json::value_from(c.product_ids)},
          {"department_ids", boost::json::value_from(c.department_ids)},
          {"staff_ids", boost::json::value_from(c.staff_ids)},
          {"created_by", c.created_by},
          {"created_at", core::format_rfc3339(core::from_micros(c.created_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(c.updated_at))}};
}

boost::json::object campaign_view_to_json(const CampaignView& view) {
  auto json = campaign_to_json(view.campaign);
  json["status"] = view.status;
  json["subscription_amount"] = core::format_amount(view.subscription);
  json["achievement_percent"] =
      view.campaign.target_fen > 0
          ? boost::json::value(percent(view.subscription, view.campaign.target_fen))
          : boost::json::value(nullptr);
  json["cost_total"] = core::format_amount(view.cost_total);
  return json;
}

boost::json::object campaign_cost_to_json(const store::CampaignCost& c) {
  return {{"id", c.id},
          {"campaign_id", c.campaign_id},
          {"incurred_on", c.incurred_on},
          {"category", c.category},
          {"amount", core::format_amount(c.amount_fen)},
          {"description", c.description ? boost::json::value(*c.description) : nullptr},
          {"recorded_by", c.recorded_by},
          {"recorded_at", core::format_rfc3339(core::from_micros(c.recorded_at))}};
}

core::Result<CampaignView> CampaignService::view_of(store::Connection& db,
                                                    store::CampaignRecord campaign,
                                                    const std::string& today) {
  CampaignView view;
  view.status = today < campaign.starts_on ? "planned"
                : today > campaign.ends_on ? "ended"
                                           : "running";
  std::set<std::int64_t> departments;
  for (auto root : campaign.department_ids) {
    for (auto id : department_subtree(db, root))
      departments.insert(id);
  }
  store::CampaignRepository campaigns(db);
  auto subscription = campaigns.subscription(campaign, {departments.begin(), departments.end()});
  if (!subscription) return subscription.error();
  view.subscription = *subscription;
  auto cost = campaigns.cost_total(campaign.id);
  if (!cost) return cost.error();
  view.cost_total = *cost;
  view.campaign = std::move(campaign);
  return view;
}

core::Result<store::CampaignRecord> CampaignService::load_managed(store::Connection& db,
                                                                  std::int64_t id,
                                                                  const DataScope& scope) {
  auto found = store::CampaignRepository(db).find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no campaign " + std::to_string(id));
  if (auto s = check_manages(db, scope, **found); !s) return s.error();
  return std::move(**found);
}

core::Result<CampaignView> CampaignService::create(const CampaignInput& input,
                                                   const auth::Principal& caller,
                                                   const auth::Actor& actor) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  store::CampaignRecord campaign;
  campaign.name = input.name;
  campaign.description = input.description;
  campaign.starts_on = core::format_date(input.starts_on);
  campaign.ends_on = core::format_date(input.ends_on);
  campaign.target_fen = input.target;
  campaign.product_ids = sorted(input.product_ids);
  campaign.department_ids = sorted(input.department_ids);
  campaign.staff_ids = sorted(input.staff_ids);
  campaign.created_by = caller.user_id;
  campaign.created_at = campaign.updated_at = core::to_micros(clock_.now());
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  if (auto s = check_campaign(db, campaign); !s) return s.error();
  if (auto s = check_manages(db, *scope, campaign); !s) return s.error();
  if (auto s = check_name_free(db, campaign.name, 0); !s) return s.error();
  auto id = store::CampaignRepository(db).insert(campaign);
  if (!id) return id.error();
  campaign.id = *id;
  if (auto s = append(events_, db, actor, "campaign.created", campaign.id, std::nullopt,
                      campaign_to_json(campaign));
      !s) {
    return s.error();
  }
  if (auto s =
          BuiltInBoards(clock_, events_).ensure_campaign(db, actor, campaign.id, campaign.name);
      !s) {
    return s.error();
  }
  auto view = view_of(db, campaign, scope->today);
  if (!view) return view.error();
  if (auto s = write->commit(); !s) return s.error();
  return view;
}

core::Result<CampaignView> CampaignService::update(std::int64_t id, const CampaignChanges& changes,
                                                   const auth::Principal& caller,
                                                   const auth::Actor& actor) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto before = load_managed(db, id, *scope);
  if (!before) return before.error();
  auto after = *before;
  if (changes.name) after.name = *changes.name;
  if (changes.description) after.description = *changes.description;
  if (changes.starts_on) after.starts_on = core::format_date(*changes.starts_on);
  if (changes.ends_on) after.ends_on = core::format_date(*changes.ends_on);
  if (changes.target) after.target_fen = *changes.target;
  if (changes.product_ids) after.product_ids = sorted(*changes.product_ids);
  if (changes.department_ids) after.department_ids = sorted(*changes.department_ids);
  if (changes.staff_ids) after.staff_ids = sorted(*changes.staff_ids);
  if (auto s = check_campaign(db, after); !s) return s.error();
  if (auto s = check_manages(db, *scope, after); !s) return s.error();
  if (auto s = check_name_free(db, after.name, id); !s) return s.error();
  const auto before_json = campaign_to_json(*before);
  if (campaign_to_json(after) != before_json) {
    after.updated_at = core::to_micros(clock_.now());
    if (auto s = store::CampaignRepository(db).update(after); !s) return s.error();
    if (auto s = append(events_, db, actor, "campaign.updated", id, before_json,
                        campaign_to_json(after));
        !s) {
      return s.error();
    }
  }
  auto view = view_of(db, after, scope->today);
  if (!view) return view.error();
  if (auto s = write->commit(); !s) return s.error();
  return view;
}

core::Result<CampaignView> CampaignService::get(std::int64_t id, const auth::Principal& caller) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::CampaignRepository(**connection).find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no campaign " + std::to_string(id));
  return view_of(**connection, std::move(**found), scope->today);
}

core::Result<Page<CampaignView>> CampaignService::list(const store::CampaignFilter& filter,
                                                       const auth::Principal& caller) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto campaigns = store::CampaignRepository(**connection).list(filter);
  if (!campaigns) return campaigns.error();
  auto records = page_from(std::move(*campaigns), filter.limit);
  Page<CampaignView> page{{}, records.next_after_id};
  for (auto& campaign : records.items) {
    auto view = view_of(**connection, std::move(campaign), scope->today);
    if (!view) return view.error();
    page.items.push_back(std::move(*view));
  }
  return page;
}

core::Result<store::CampaignCost> CampaignService::add_cost(std::int64_t campaign_id,
                                                            const CostInput& input,
                                                            const auth::Principal& caller,
                                                            const auth::Actor& actor) {
  if (auto s = check_one_of("category", input.category, kCostCategories); !s) return s.error();
  if (input.amount <= 0) return Error::invalid("amount", "must be more than 0");
  if (input.description) {
    if (auto s = check_text("description", *input.description, 500); !s) return s.error();
  }
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto campaign = load_managed(db, campaign_id, *scope);
  if (!campaign) return campaign.error();
  store::CampaignCost cost{0,
                           campaign_id,
                           core::format_date(input.incurred_on),
                           input.category,
                           input.amount,
                           input.description,
                           caller.user_id,
                           core::to_micros(clock_.now())};
  auto id = store::CampaignRepository(db).insert_cost(cost);
  if (!id) return id.error();
  cost.id = *id;
  if (auto s = append(events_, db, actor, "campaign.cost_recorded", campaign_id, std::nullopt,
                      campaign_cost_to_json(cost));
      !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return cost;
}

core::Status CampaignService::remove_cost(std::int64_t campaign_id, std::int64_t cost_id,
                                          const auth::Principal& caller, const auth::Actor& actor) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto campaign = load_managed(db, campaign_id, *scope);
  if (!campaign) return campaign.error();
  store::CampaignRepository campaigns(db);
  auto cost = campaigns.find_cost(campaign_id, cost_id);
  if (!cost) return cost.error();
  if (!*cost) {
    return Error::not_found("campaign " + std::to_string(campaign_id) + " has no cost entry " +
                            std::to_string(cost_id));
  }
  if (auto s = campaigns.remove_cost(cost_id); !s) return s;
  if (auto s = append(events_, db, actor, "campaign.cost_deleted", campaign_id,
                      campaign_cost_to_json(**cost), std::nullopt);
      !s) {
    return s;
  }
  return write->commit();
}

core::Result<std::vector<store::CampaignCost>> CampaignService::costs(std::int64_t campaign_id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::CampaignRepository campaigns(**connection);
  auto found = campaigns.find(campaign_id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no campaign " + std::to_string(campaign_id));
  return campaigns.costs(campaign_id);
}

}  // namespace laurel::crm
