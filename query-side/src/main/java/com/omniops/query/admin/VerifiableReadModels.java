package com.omniops.query.admin;

import com.omniops.projections.support.ReadModel;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The read models that {@code POST /api/admin/processors/{name}/verify} can recompute: every projector hosted here,
 * each through its own {@link ReadModel} declaration (processing group, tables, how to build it over a scratch
 * schema). Nothing is listed here: a new projector that declares its read model is verifiable.
 */
@Component
public class VerifiableReadModels {

    private final Map<String, ReadModel> models;

    public VerifiableReadModels(List<ReadModel.Declared> projectors) {
        Map<String, ReadModel> byGroup = new TreeMap<>();
        for (ReadModel.Declared projector : projectors) {
            ReadModel model = projector.readModel();
            if (byGroup.put(model.processingGroup(), model) != null) {
                throw new IllegalStateException("Two projectors declare processing group " + model.processingGroup());
            }
        }
        this.models = Collections.unmodifiableMap(byGroup);
    }

    public Optional<ReadModel> find(String processingGroup) {
        return Optional.ofNullable(models.get(processingGroup));
    }

    public Collection<ReadModel> all() {
        return models.values();
    }
}
