#include "http/metrics.hpp"

#include <gtest/gtest.h>

namespace laurel::http {
namespace {

using namespace std::chrono_literals;

TEST(MetricsTest, CountsRequestsPerRouteAndStatusClass) {
  Metrics metrics({"GET /api/v1/me", "POST /api/v1/users"});
  metrics.record_request(0, 200, 300us);
  metrics.record_request(0, 200, 2ms);
  metrics.record_request(1, 409, 1ms);
  metrics.record_request(metrics.unmatched_slot(), 404, 1us);
  const auto text = metrics.render();
  EXPECT_NE(text.find("laurel_http_requests_total{route=\"GET /api/v1/me\",status=\"2xx\"} 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("laurel_http_requests_total{route=\"POST /api/v1/users\",status=\"4xx\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("route=\"unmatched\",status=\"4xx\"} 1"), std::string::npos);
  // Cumulative buckets: 300us falls under 0.0005 s, 2ms under 0.0025 s.
  EXPECT_NE(text.find("laurel_http_request_duration_seconds_bucket{route=\"GET /api/v1/me\","
                      "le=\"0.0005\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("laurel_http_request_duration_seconds_bucket{route=\"GET /api/v1/me\","
                      "le=\"0.0025\"} 2"),
            std::string::npos);
  EXPECT_NE(text.find("laurel_http_request_duration_seconds_count{route=\"GET /api/v1/me\"} 2"),
            std::string::npos);
}

TEST(MetricsTest, TracksConnectionsAndDatabaseTime) {
  Metrics metrics({});
  metrics.connection_opened();
  metrics.connection_opened();
  metrics.connection_closed();
  metrics.connection_rejected();
  metrics.record_query(50us);
  const auto text = metrics.render();
  EXPECT_EQ(metrics.open_connections(), 1);
  EXPECT_NE(text.find("laurel_http_open_connections 1"), std::string::npos);
  EXPECT_NE(text.find("laurel_http_rejected_connections_total 1"), std::string::npos);
  EXPECT_NE(text.find("laurel_db_query_duration_seconds_count 1"), std::string::npos);
  EXPECT_NE(text.find("# TYPE laurel_db_query_duration_seconds histogram"), std::string::npos);
}

}  // namespace
}  // namespace laurel::http
