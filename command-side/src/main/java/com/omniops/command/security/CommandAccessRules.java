package com.omniops.command.security;

import com.omniops.support.security.AccessRule;
import com.omniops.support.security.AccessRules;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.omniops.support.security.AccessRule.allow;
import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.WAREHOUSE;
import static org.springframework.http.HttpMethod.POST;

/** The command API's access matrix (README lists it). Anything not listed is denied. */
@Component
public class CommandAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return AccessRules.withCommonRules(
                allow(POST, "/api/products", PURCHASING, ADMIN),
                allow(POST, "/api/products/*/listings", PURCHASING, ADMIN),
                allow(POST, "/api/products/*/discontinue", PURCHASING, ADMIN),
                allow(POST, "/api/channels", ADMIN),
                allow(POST, "/api/stock/*/*/receipts", WAREHOUSE, PURCHASING, ADMIN),
                allow(POST, "/api/stock/*/*/adjustments", WAREHOUSE, ADMIN),
                allow(POST, "/api/orders", SALES, CHANNEL, ADMIN),
                allow(POST, "/api/orders/*/cancel", SALES, CHANNEL, ADMIN),
                allow(POST, "/api/orders/*/picks", WAREHOUSE, ADMIN),
                allow(POST, "/api/orders/*/packs", WAREHOUSE, ADMIN),
                allow(POST, "/api/orders/*/shipments", WAREHOUSE, ADMIN),
                allow(POST, "/api/orders/*/delivery", WAREHOUSE, ADMIN),
                allow(POST, "/api/orders/*/payments", FINANCE, CHANNEL, ADMIN),
                allow(POST, "/api/orders/*/fees", FINANCE, CHANNEL, ADMIN),
                allow(POST, "/api/orders/*/returns", SALES, CHANNEL, ADMIN),
                allow(POST, "/api/orders/*/returns/*/receipt", WAREHOUSE, ADMIN),
                allow(POST, "/api/orders/*/returns/*/inspection", WAREHOUSE, ADMIN),
                allow(POST, "/api/orders/*/refunds", SALES, FINANCE, ADMIN),
                allow(POST, "/api/refunds/*/approve", FINANCE, ADMIN),
                allow(POST, "/api/refunds/*/reject", FINANCE, ADMIN),
                allow(POST, "/api/refunds/*/issue", FINANCE, ADMIN),
                allow(POST, "/api/refunds/*/retry", FINANCE, ADMIN),
                allow(POST, "/api/stock/*/*/refurbishment/release", WAREHOUSE, ADMIN),
                allow(POST, "/api/stock/*/*/refurbishment/write-off", WAREHOUSE, ADMIN),
                allow(POST, "/api/stock/*/*/quarantine/release", WAREHOUSE, ADMIN),
                allow(POST, "/api/stock/*/*/quarantine/write-off", WAREHOUSE, ADMIN),
                allow(POST, "/api/suppliers", PURCHASING, ADMIN),
                allow(POST, "/api/stock/*/*/reorder-rule", PURCHASING, ADMIN),
                allow(POST, "/api/purchase-orders", PURCHASING, ADMIN),
                allow(POST, "/api/purchase-orders/*/submit", PURCHASING, ADMIN),
                allow(POST, "/api/purchase-orders/*/confirm", PURCHASING, ADMIN),
                allow(POST, "/api/purchase-orders/*/receipts", WAREHOUSE, PURCHASING, ADMIN),
                allow(POST, "/api/purchase-orders/*/cancel", PURCHASING, ADMIN),
                allow(POST, "/api/purchase-orders/*/close", PURCHASING, ADMIN),
                allow(POST, "/api/transfers", WAREHOUSE, PURCHASING, ADMIN),
                allow(POST, "/api/transfers/*/cancel", WAREHOUSE, PURCHASING, ADMIN),
                allow(POST, "/api/transfers/*/ship", WAREHOUSE, ADMIN),
                allow(POST, "/api/transfers/*/receipts", WAREHOUSE, ADMIN),
                allow(POST, "/api/stock/*/*/counts", WAREHOUSE, ADMIN),
                // counts that wait for approval: not the counter (the aggregate refuses self-approval)
                allow(POST, "/api/stock/*/*/adjustment-requests/*/approve", FINANCE, ADMIN),
                allow(POST, "/api/stock/*/*/adjustment-requests/*/reject", FINANCE, ADMIN));
    }
}
