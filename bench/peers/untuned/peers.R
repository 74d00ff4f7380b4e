# R part of the untuned peers (bench/peers/untuned/run.sh calls it): rpart and cv.glmnet on the folds that
# `peers.py fit DATASET export WORK` encoded (WORK/enc/DATASET/<repeat>_<fold>_{train,test}.csv: x0.., y 0/1, and
# inner_fold / val20 for training rows). Writes WORK/pred/DATASET-r.csv in peers.py's prediction format.
#   Rscript bench/peers/untuned/peers.R WORK DATASET [R/F,...]
# With a list of outer folds (e.g. 0/3,1/4) only those, into WORK/pred/DATASET-r-f<R><F>....csv (several processes).
# Recipes (../shared/peers/README.md):
# - cv.glmnet(family = "binomial", alpha = 1, type.measure = "deviance", foldid = the inner folds): glmnet_min at
#   lambda.min, glmnet_1se at lambda.1se, glmnet_dense at the path's smallest lambda; size = non-zero coefficients
#   (intercept excluded).
# - rpart(method = "class", cp = 0, xval = 10) on the 0/1-encoded training fold: rpart_cp0 the tree itself, rpart_min
#   pruned at the CP of the minimum xerror, rpart_1se at the first (largest-CP) row with xerror <= min + its xstd;
#   size = leaves. rpart draws its 10 cross-validation groups at random: set.seed(0) before every fit (the README
#   names no seed; seed 0 reproduces the shared peers' rpart rows exactly on pima_diabetes and german_credit).
suppressMessages({
  library(glmnet)
  library(rpart)
})
args <- commandArgs(trailingOnly = TRUE)
if (!length(args) %in% c(2, 3)) stop("usage: Rscript peers.R WORK DATASET [R/F,...]")
work <- args[1]
ds <- args[2]
only <- if (length(args) == 3) strsplit(args[3], ",")[[1]] else NULL
tag <- if (is.null(only)) "" else paste0("-f", paste(gsub("/", "", sort(only)), collapse = ""))
enc <- file.path(work, "enc", ds)
json <- function(v) paste0("[", paste(sprintf("%.7g", v), collapse = ", "), "]")
out <- list()
add <- function(family, method, rep, fold, size, unit, secs, p, y) {
  out[[length(out) + 1]] <<- data.frame(dataset = ds, family = family, method = method, repeat. = rep, fold = fold,
                                        size = size, size_unit = unit, time_s = sprintf("%.6g", secs),
                                        proba = json(p), y = json(y), check.names = FALSE)
}
for (rep in 0:1) {
  for (fold in 0:4) {
    if (!is.null(only) && !(sprintf("%d/%d", rep, fold) %in% only)) next
    tr <- read.csv(file.path(enc, sprintf("%d_%d_train.csv", rep, fold)))
    te <- read.csv(file.path(enc, sprintf("%d_%d_test.csv", rep, fold)))
    xcols <- grep("^x[0-9]+$", names(tr), value = TRUE)
    x <- as.matrix(tr[, xcols])
    xt <- as.matrix(te[, xcols])
    y <- tr$y

    t0 <- proc.time()[["elapsed"]]
    cv <- cv.glmnet(x, y, family = "binomial", alpha = 1, type.measure = "deviance", foldid = tr$inner_fold + 1)
    secs <- proc.time()[["elapsed"]] - t0
    for (m in c("dense", "min", "1se")) {
      s <- switch(m, dense = min(cv$lambda), min = cv$lambda.min, "1se" = cv$lambda.1se)
      nz <- sum(as.vector(coef(cv, s = s))[-1] != 0)
      p <- as.vector(predict(cv, newx = xt, s = s, type = "response"))
      add("r", paste0("glmnet_", m), rep, fold, nz, "nonzero_features", secs, p, te$y)
    }

    d <- data.frame(x, class = factor(y, levels = c(0, 1)))
    dt <- data.frame(xt)
    t0 <- proc.time()[["elapsed"]]
    set.seed(0)
    fit <- rpart(class ~ ., data = d, method = "class", control = rpart.control(cp = 0, xval = 10))
    cpt <- fit$cptable
    imin <- which.min(cpt[, "xerror"])
    i1se <- min(which(cpt[, "xerror"] <= cpt[imin, "xerror"] + cpt[imin, "xstd"]))
    trees <- list(cp0 = fit, min = prune(fit, cp = cpt[imin, "CP"]), "1se" = prune(fit, cp = cpt[i1se, "CP"]))
    secs <- proc.time()[["elapsed"]] - t0
    for (m in names(trees)) {
      t <- trees[[m]]
      p <- predict(t, newdata = dt, type = "prob")[, "1"]
      add("r", paste0("rpart_", m), rep, fold, sum(t$frame$var == "<leaf>"), "leaves", secs, p, te$y)
    }
    cat(sprintf("%s r %d/%d\n", ds, rep, fold), file = stderr())
  }
}
res <- do.call(rbind, out)
names(res)[names(res) == "repeat."] <- "repeat"
dir.create(file.path(work, "pred"), showWarnings = FALSE, recursive = TRUE)
tmp <- file.path(work, "pred", paste0(ds, "-r", tag, ".tmp"))
write.csv(res, tmp, row.names = FALSE)
file.rename(tmp, file.path(work, "pred", paste0(ds, "-r", tag, ".csv")))
