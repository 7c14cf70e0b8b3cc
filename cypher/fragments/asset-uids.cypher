// The uids an asset slug `key` may have: asset slugs are unique across the asset kinds
// (domain/kinds.ts ASSET_KINDS), so at most one of them exists. Included by `// #include asset-uids`.
['Model:' + key, 'Dataset:' + key, 'Application:' + key, 'UnresolvedAsset:' + key]
