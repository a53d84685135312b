#pragma once
// The HTTP API: every route, its access rule and its handler. Each group of routes lives in its
// own file; this header lists them. The API document (docs/openapi.json) describes exactly these
// routes, and a test holds the two together.

#include "api/services.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace laurel::api {

// /metrics needs the Metrics object, which needs the route list first: it is reached through
// this pointer, set once the router is built.
struct MetricsHandle {
  const http::Metrics* metrics = nullptr;
};

void add_system_routes(http::Router& router, Services& services, MetricsHandle& metrics);
void add_auth_routes(http::Router& router, Services& services);
void add_user_routes(http::Router& router, Services& services);
void add_token_routes(http::Router& router, Services& services);
void add_audit_routes(http::Router& router, Services& services);
void add_event_routes(http::Router& router, Services& services);
void add_department_routes(http::Router& router, Services& services);
void add_staff_routes(http::Router& router, Services& services);
void add_product_routes(http::Router& router, Services& services);
void add_client_routes(http::Router& router, Services& services);
void add_coverage_routes(http::Router& router, Services& services);
void add_transaction_routes(http::Router& router, Services& services);
void add_holding_routes(http::Router& router, Services& services);
void add_org_chart_routes(http::Router& router, Services& services);
void add_key_people_routes(http::Router& router, Services& services);
void add_visit_routes(http::Router& router, Services& services);
void add_service_record_routes(http::Router& router, Services& services);
void add_reach_routes(http::Router& router, Services& services);
void add_campaign_routes(http::Router& router, Services& services);
void add_target_routes(http::Router& router, Services& services);
void add_opportunity_routes(http::Router& router, Services& services);
void add_import_routes(http::Router& router, Services& services);
void add_calendar_routes(http::Router& router, Services& services);
void add_metric_routes(http::Router& router, Services& services);
void add_board_routes(http::Router& router, Services& services);
void add_board_export_routes(http::Router& router, Services& services);
void add_board_privacy_routes(http::Router& router, Services& services);
void add_board_rows_routes(http::Router& router, Services& services);
void add_good_news_routes(http::Router& router, Services& services);
void add_point_routes(http::Router& router, Services& services);
void add_reward_routes(http::Router& router, Services& services);
void add_flag_routes(http::Router& router, Services& services);
void add_badge_routes(http::Router& router, Services& services);
void add_challenge_routes(http::Router& router, Services& services);
void add_recognition_routes(http::Router& router, Services& services);
void add_stream_routes(http::Router& router, Services& services);
void add_chat_routes(http::Router& router, Services& services);
void add_picture_routes(http::Router& router, Services& services);

// All of the above.
http::Router build_router(Services& services, MetricsHandle& metrics);

}  // namespace laurel::api
