// Tables owned by the gratification-control module (prefix gratification_).
export {};
