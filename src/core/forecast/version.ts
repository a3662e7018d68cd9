/** Bump when a change alters forecasts, so stored forecasts can be traced to the code that made them. */
export const MODEL_VERSION_TAG = 'forecast-core/1.1.0';
