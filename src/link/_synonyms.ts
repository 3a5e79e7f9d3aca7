/**
 * Everyday words for official items of the classification (功能分类 / 经济分类 / 三公), as citizens
 * type them. A table of the classification's vocabulary, not of questions: each entry names the
 * official term a label must contain for the everyday phrase to count as naming it.
 */
export const SYNONYMS = [
  { says: ["开会", "会议", "开会议"], official: ["会议费"] },
  { says: ["出差", "差旅", "出差费", "差旅费用"], official: ["差旅费"] },
  { says: ["培训", "办培训", "培训班"], official: ["培训费"] },
  { says: ["租房子", "租房", "房租", "租金", "租用", "租东西"], official: ["租赁费"] },
  { says: ["电费", "交电费", "用电"], official: ["电费"] },
  { says: ["水费", "交水费", "用水"], official: ["水费"] },
  { says: ["物业", "物业费", "物管"], official: ["物业管理费"] },
  { says: ["印东西", "打印", "复印", "印材料", "印刷"], official: ["印刷费"] },
  { says: ["邮费", "电话费", "网费", "快递", "邮寄"], official: ["邮电费"] },
  { says: ["奖金", "发奖金", "年终奖"], official: ["奖金"] },
  { says: ["发绩效", "绩效奖", "绩效奖金", "绩效工资"], official: ["绩效工资"] },
  { says: ["工资", "发工资", "薪水", "薪资"], official: ["基本工资", "工资福利支出"] },
  { says: ["津贴", "补贴"], official: ["津贴补贴"] },
  { says: ["饭补", "伙食补助", "餐补", "伙食"], official: ["伙食补助费"] },
  { says: ["加班费", "加班"], official: ["加班补贴", "其他工资福利支出"] },
  { says: ["公积金"], official: ["住房公积金"] },
  { says: ["养老保险", "基本养老保险", "养老保险缴费", "养老金", "交养老"], official: ["机关事业单位基本养老保险缴费", "基本养老保险"] },
  { says: ["职业年金", "年金"], official: ["职业年金缴费"] },
  { says: ["医保", "医疗保险", "看病"], official: ["职工基本医疗保险缴费", "医疗保险", "医疗"] },
  { says: ["社保就业", "社保"], official: ["社会保障和就业"] },
  { says: ["卫健"], official: ["卫生健康"] },
  { says: ["加油", "油费", "油钱", "燃油"], official: ["燃料费"] },
  { says: ["修车", "车辆维修"], official: ["公务用车运行维护费", "维修(护)费", "维修费"] },
  // Keeping a car (fuel, repairs, insurance…) is its running cost, not its repairs alone.
  { says: ["养车", "养公车"], official: ["公务用车运行维护费", "公务用车运行费"] },
  { says: ["修理", "维修", "修东西", "维护"], official: ["维修(护)费", "维修费"] },
  { says: ["买车", "购车", "新买车", "买公车", "买公务车", "买公务用车", "购买公务车"], official: ["公务用车购置", "车辆购置", "购置公务用车"] },
  { says: ["购买", "买"], official: ["购置", "采购", "购买"] },
  { says: ["公车", "公务车", "用车", "坐车"], official: ["公务用车"] },
  { says: ["辆车", "台车", "部车"], official: ["公务用车", "车辆"] },
  { says: ["请客", "吃饭", "招待", "吃喝", "接待", "来客", "客人", "来访"], official: ["公务接待费", "接待"] },
  { says: ["总收入"], official: ["收入总计", "收入合计"] },
  // What is left at the year's end and carried into the next.
  { says: ["年底", "年终"], official: ["年末"] },
  { says: ["结转到下一年", "结转到下年", "转到下一年", "留到下一年", "留到明年"], official: ["年末结转和结余", "结转和结余"] },
  { says: ["总支出"], official: ["支出总计", "支出合计"] },
  { says: ["出国", "出境", "出国考察", "公款出国"], official: ["因公出国(境)", "出国"] },
  // Where staff eat: the meals subsidy.
  { says: ["食堂", "饭堂"], official: ["伙食补助费", "伙食费", "伙食"] },
  // Foreign direct investment as the reports abbreviate it.
  { says: ["fdi", "外资"], official: ["实际利用外资", "外商直接投资"] },
  { says: ["退休", "退休金", "离退休"], official: ["离退休", "退休费"] },
  { says: ["老干部", "老同志"], official: ["离退休干部", "离退休"] },
  // A body's own sections, as staff call them.
  { says: ["科室", "内设科室", "处室", "内设处室"], official: ["内设机构"] },
  // What basic spending keeps going (保障机构正常运转).
  { says: ["日常运转", "正常运转", "运转"], official: ["基本支出"] },
  { says: ["抚恤金", "丧葬"], official: ["抚恤", "死亡抚恤"] },
  { says: ["办公用品", "办公", "文具"], official: ["办公费"] },
  { says: ["工会"], official: ["工会经费"] },
  { says: ["福利"], official: ["福利费"] },
  { says: ["买东西", "采购"], official: ["政府采购", "专用材料费"] },
  { says: ["卖出去", "卖出", "卖掉", "卖了", "卖"], official: ["销售"] },
  // The department's own self-evaluation, as people name it.
  { says: ["整体绩效自评", "整体绩效", "整体自评", "部门整体"], official: ["部门整体支出", "部门整体"] },
  { says: ["捐款", "捐赠"], official: ["捐赠"] },
  // What is held, as the 三公 sentences (保有量) and the state-asset ones (共有, 现有) say it.
  { says: ["保有"], official: ["共有", "现有", "拥有"] },
  // Who heads a company or body, as people say it.
  { says: ["老总", "老板", "一把手"], official: ["主要负责人", "负责人", "总经理", "董事长"] },
  { says: ["交通补贴", "交通补助", "车补"], official: ["其他交通费用", "交通费"] },
  { says: ["科研", "研发"], official: ["科学技术", "研究与开发"] },
  { says: ["房补", "住房补贴", "买房补贴", "购房补贴"], official: ["住房补贴", "购房补贴"] },
  { says: ["盖房子", "基建", "搞建设"], official: ["基本建设", "基础设施"] },
  { says: ["外包", "请人干活", "购买服务"], official: ["委托业务费", "劳务费", "购买服务"] },
  { says: ["学生资助", "奖学金", "助学金"], official: ["学生资助", "助学金", "奖学金"] },
  { says: ["财政给", "财政拨的", "财政拨", "政府给"], official: ["财政拨款"] },
  { says: ["暖气", "暖气费", "供暖", "采暖"], official: ["取暖费"] },
  { says: ["博导"], official: ["博士生导师"] },
  { says: ["在校生"], official: ["在校学生"] },
  { says: ["硕导"], official: ["硕士生导师"] },
  { says: ["老师", "教职工", "教工"], official: ["教师", "专任教师"] },
  { says: ["不算", "不含", "不计"], official: ["不包括"] },
  { says: ["信息化", "电脑", "系统建设"], official: ["信息化", "信息网络", "专用设备"] },
] as const satisfies readonly { says: readonly string[]; official: readonly string[] }[];

/**
 * Wholes named by listing their parts ("加油修车买保险这些" is a car's running cost): two or more of
 * a whole's parts said together name the whole, not one of them. A table of the classification's
 * make-up (what a 运行维护费 pays for), not of questions.
 */
export const WHOLES: readonly { readonly whole: readonly string[]; readonly parts: readonly (readonly string[])[] }[] = [
  {
    whole: ["公务用车运行维护费", "公务用车运行费"],
    parts: [["加油", "油费", "燃料", "燃油"], ["修车", "维修", "修理"], ["买保险", "保险", "车险"], ["过路", "路桥", "高速费"], ["停车"], ["年检"]],
  },
];
