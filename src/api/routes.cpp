#include "api/routes.hpp"

namespace laurel::api {

http::Router build_router(Services& services, MetricsHandle& metrics) {
  http::Router router;
  add_system_routes(router, services, metrics);
  add_auth_routes(router, services);
  add_user_routes(router, services);
  add_token_routes(router, services);
  add_audit_routes(router, services);
  add_event_routes(router, services);
  add_department_routes(router, services);
  add_staff_routes(router, services);
  add_product_routes(router, services);
  add_import_routes(router, services);  // before /clients/{id}: "import" is no id
  add_client_routes(router, services);
  add_coverage_routes(router, services);
  add_transaction_routes(router, services);
  add_holding_routes(router, services);
  add_org_chart_routes(router, services);
  add_key_people_routes(router, services);
  add_visit_routes(router, services);
  add_service_record_routes(router, services);
  add_reach_routes(router, services);
  add_campaign_routes(router, services);
  add_target_routes(router, services);
  add_opportunity_routes(router, services);
  add_calendar_routes(router, services);
  add_metric_routes(router, services);
  add_board_routes(router, services);
  add_board_export_routes(router, services);
  add_board_privacy_routes(router, services);
  add_board_rows_routes(router, services);
  add_good_news_routes(router, services);
  add_point_routes(router, services);
  add_reward_routes(router, services);
  add_flag_routes(router, services);
  add_badge_routes(router, services);
  add_challenge_routes(router, services);
  add_recognition_routes(router, services);
  add_stream_routes(router, services);
  add_chat_routes(router, services);
  add_picture_routes(router, services);
  return router;
}

}  // namespace laurel::api
