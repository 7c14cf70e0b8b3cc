// Whether `model` falls inside the declared scope of `report`: the report declares a scope, and the
// model matches its model kind and its release period (a model without a release date is outside a
// period). Whether the report's inclusions are complete is for the caller to check.
(report.scopeModelKind IS NOT NULL OR report.scopeReleasedFrom IS NOT NULL OR report.scopeReleasedTo IS NOT NULL)
AND (report.scopeModelKind IS NULL OR model.modelKind = report.scopeModelKind)
AND (report.scopeReleasedFrom IS NULL OR model.releaseDate >= report.scopeReleasedFrom)
AND (report.scopeReleasedTo IS NULL OR model.releaseDate <= report.scopeReleasedTo)
