/**
 * ONNX export: a fitted model and its preprocessing as one ONNX graph that scores raw rows.
 *
 * <p>{@link org.prunekit.onnx.OnnxExport} builds the graph with Tribuo's ONNX helpers ({@code org.tribuo.util.onnx}),
 * adding the ONNX and ONNX-ML operators Tribuo lacks ({@code OnnxOps}). The raw columns are encoded as the fitted
 * encoder does ({@code PreprocessingGraph}: {@code IsNaN}/{@code Where} imputation, {@code CategoryMapper} +
 * {@code OneHotEncoder}, missing indicators, {@code Concat}); each model kind has its translation: CART trees and
 * Tribuo tree ensembles and XGBoost as {@code TreeEnsembleRegressor} sums, logistic models (prunekit's and
 * LibLinear's) as a {@code Gemm} over their support, prunekit's MLP as compacted {@code Gemm} layers with sparse
 * weights scattered from their non-zeros. A pruned model's graph holds only what is left. Parity with prunekit's
 * probabilities is checked in ONNX Runtime by {@code OnnxParityTest}; see {@code docs/onnx.md}.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.onnx;
