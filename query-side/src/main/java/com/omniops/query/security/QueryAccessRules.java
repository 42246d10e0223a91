package com.omniops.query.security;

import com.omniops.support.security.AccessRule;
import com.omniops.support.security.AccessRules;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.omniops.support.security.AccessRule.allow;
import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;
import static org.springframework.http.HttpMethod.GET;

/** The query API's access matrix (README lists it). Anything not listed is denied. */
@Component
public class QueryAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return AccessRules.withCommonRules(
                allow(GET, "/api/availability", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN,
                        CHANNEL),
                allow(GET, "/api/orders", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN, CHANNEL),
                allow(GET, "/api/orders/*", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN, CHANNEL),
                allow(null, "/api/audit/**", AUDITOR, ADMIN),
                allow(null, "/api/admin/**", ADMIN),
                allow(GET, "/api/returns", VIEWER, SALES, WAREHOUSE, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/refunds", VIEWER, SALES, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/refunds/*", VIEWER, SALES, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/purchase-orders", VIEWER, PURCHASING, WAREHOUSE, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/purchase-orders/*", VIEWER, PURCHASING, WAREHOUSE, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/replenishment/recommendations", VIEWER, PURCHASING, WAREHOUSE, FINANCE, AUDITOR,
                        ADMIN),
                allow(GET, "/api/incoming", VIEWER, PURCHASING, WAREHOUSE, SALES, FINANCE, AUDITOR, ADMIN),
                // demand and forecasts span all channels, so channel integrations do not see them
                allow(GET, "/api/demand", VIEWER, PURCHASING, WAREHOUSE, SALES, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/demand/skus", VIEWER, PURCHASING, WAREHOUSE, SALES, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/forecast", VIEWER, PURCHASING, WAREHOUSE, SALES, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/transfers", VIEWER, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/transfers/*", VIEWER, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/counts", VIEWER, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN),
                // master data: a channel integration sees its own channel and the products listed on it only
                allow(GET, "/api/products", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN, CHANNEL),
                allow(GET, "/api/products/*", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN, CHANNEL),
                allow(GET, "/api/channels", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN, CHANNEL),
                allow(GET, "/api/channels/*", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN, CHANNEL),
                allow(GET, "/api/warehouses", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/warehouses/*", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/suppliers", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/suppliers/*", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/reorder-rules", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN),
                allow(GET, "/api/reorder-rules/*/*", VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, ADMIN));
    }
}
